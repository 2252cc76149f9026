package org.fence4j.agents.protocol.fenceagents;

import org.fence4j.agents.protocol.Xml;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsParameters.Entry;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.ParameterType;

/**
 * {@code action=metadata}: the resource-agent document fencing.py prints, valid against
 * fence-agents' own schema (metadata.rng), derived from the agent's declarations plus the standard
 * options. Every name the agent accepts is a parameter: the fence-agents name as primary, the
 * others deprecated (see {@link FenceAgentsParameters}). The schema has no per-parameter longdesc,
 * so a parameter's shortdesc carries its whole description.
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
        for (Entry entry : FenceAgentsParameters.of(provider)) {
            parameter(out, entry);
        }
        out.append("</parameters>\n");
        out.append("<actions>\n");
        for (String name : Request.words(provider)) {
            out.append("\t<action name=\"").append(name).append(name.equals("on") ? "\" automatic=\"0\"/>\n" : "\" />\n");
        }
        return out.append("</actions>\n</resource-agent>\n").toString();
    }

    private static void parameter(StringBuilder out, Entry entry) {
        ParameterSpec spec = entry.spec();
        out.append("\t<parameter name=\"").append(Xml.escape(entry.name())).append("\" unique=\"")
                .append(spec.unique() ? 1 : 0).append("\" required=\"").append(entry.required() ? 1 : 0).append('"')
                .append(entry.deprecated() ? " deprecated=\"1\"" : "")
                .append(entry.obsoletes() == null ? "" : " obsoletes=\"" + Xml.escape(entry.obsoletes()) + "\"")
                .append(">\n");
        out.append("\t\t<getopt mixed=\"").append(Xml.escape(entry.getopt())).append("\" />\n");
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
        out.append("\t\t<shortdesc lang=\"en\">").append(Xml.escape(spec.longDescription())).append("</shortdesc>\n");
        out.append("\t</parameter>\n");
    }
}
