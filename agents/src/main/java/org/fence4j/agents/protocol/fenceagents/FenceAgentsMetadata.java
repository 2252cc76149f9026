package org.fence4j.agents.protocol.fenceagents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fence4j.agents.protocol.ProtocolParameters;
import org.fence4j.agents.protocol.Xml;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.ParameterType;

/**
 * {@code action=metadata}: the resource-agent document fencing.py prints, derived from the agent's
 * declarations plus the standard options. An alias is listed as a deprecated parameter and the
 * declared name says it obsoletes the first alias, as fence-agents list renamed options.
 */
final class FenceAgentsMetadata {
    private FenceAgentsMetadata() {
    }

    static String render(String agentName, FenceAgentProvider provider) {
        AgentInfo info = provider.info();
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" ?>\n");
        out.append("<resource-agent name=\"").append(Xml.escape(agentName)).append("\" shortdesc=\"")
                .append(Xml.escape(info.name())).append("\" >\n");
        out.append("<longdesc>").append(Xml.escape(info.description())).append("</longdesc>\n");
        out.append("<vendor-url>").append(Xml.escape(info.url())).append("</vendor-url>\n");
        out.append("<parameters>\n");
        List<ParameterSpec> shown = new ArrayList<>();
        shown.add(StandardOptions.ACTION_SPEC);
        shown.addAll(ProtocolParameters.visible(provider.parameters()));
        shown.addAll(StandardOptions.TRAILING);
        for (ParameterSpec spec : shown) {
            parameter(out, spec, spec.name(), spec.aliases().isEmpty() ? "" : " obsoletes=\"" + spec.aliases().get(0) + "\"");
            for (String alias : spec.aliases()) {
                parameter(out, spec, alias, " deprecated=\"1\"");
            }
        }
        out.append("</parameters>\n");
        actions(out, provider.actions());
        return out.append("</resource-agent>\n").toString();
    }

    private static void parameter(StringBuilder out, ParameterSpec spec, String name, String rename) {
        out.append("\t<parameter name=\"").append(Xml.escape(name)).append("\" unique=\"").append(spec.unique() ? 1 : 0)
                .append("\" required=\"").append(spec.required() && !spec.secret() ? 1 : 0).append('"')
                .append(rename).append(">\n");
        out.append("\t\t<getopt mixed=\"").append(Xml.escape(getopt(spec))).append("\" />\n");
        String def = spec.defaultValue() == null || spec.secret() ? ""
                : "default=\"" + Xml.escape(spec.defaultValue()) + "\" ";
        if (spec.type() == ParameterType.SELECT) {
            out.append("\t\t<content type=\"select\" ").append(def).append(" >\n");
            for (String choice : spec.choices()) {
                out.append("\t\t\t<option value=\"").append(Xml.escape(choice)).append("\" />\n");
            }
            out.append("\t\t</content>\n");
        } else {
            out.append("\t\t<content type=\"").append(spec.type().xmlName()).append("\" ").append(def).append(" />\n");
        }
        out.append("\t\t<shortdesc lang=\"en\">").append(Xml.escape(spec.shortDescription())).append("</shortdesc>\n");
        if (!spec.longDescription().equals(spec.shortDescription())) {
            out.append("\t\t<longdesc lang=\"en\">").append(Xml.escape(spec.longDescription())).append("</longdesc>\n");
        }
        out.append("\t</parameter>\n");
    }

    /** {@code -o, --action=[action]}: the short form if any, the long form with its kind of value. */
    private static String getopt(ParameterSpec spec) {
        String option = StandardOptions.shortOption(spec.name()) + "--" + spec.name().replace('_', '-');
        return switch (spec.type()) {
            case BOOLEAN -> option;
            case STRING -> option + "=[" + spec.name() + "]";
            case INTEGER -> option + "=[number]";
            case SECONDS -> option + "=[seconds]";
            case SELECT -> option + "=[" + String.join("|", spec.choices()) + "]";
        };
    }

    private static void actions(StringBuilder out, Set<FenceAction> supported) {
        out.append("<actions>\n");
        if (supported.contains(FenceAction.ON)) {
            out.append("\t<action name=\"on\" automatic=\"0\"/>\n");
        }
        List<String> names = new ArrayList<>();
        for (FenceAction action : List.of(FenceAction.OFF, FenceAction.RESET, FenceAction.STATUS, FenceAction.LIST,
                FenceAction.MONITOR)) {
            if (supported.contains(action)) {
                names.add(FenceAgentsCommand.word(action));
            }
            if (action == FenceAction.LIST && supported.contains(FenceAction.STATUS) && supported.contains(action)) {
                names.add(FenceAgentsCommand.LIST_STATUS);
            }
        }
        names.add("metadata");
        names.add("validate-all");
        names.forEach(n -> out.append("\t<action name=\"").append(n).append("\" />\n"));
        out.append("</actions>\n");
    }
}
