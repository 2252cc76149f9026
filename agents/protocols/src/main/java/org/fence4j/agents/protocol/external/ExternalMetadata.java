package org.fence4j.agents.protocol.external;

import java.util.List;
import org.fence4j.agents.protocol.ProtocolParameters;
import org.fence4j.agents.protocol.Xml;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.ParameterType;

/**
 * What an external plugin says about its parameters: {@code getconfignames} and the
 * {@code getinfo-xml} fragment, in the shape of cluster-glue's own plugins. Both are derived from
 * the agent's declarations.
 */
final class ExternalMetadata {
    private ExternalMetadata() {
    }

    /** One name per line; cluster-glue exports to the plugin only the names listed here. */
    static String configNames(List<ParameterSpec> declared) {
        StringBuilder out = new StringBuilder();
        for (ParameterSpec spec : ProtocolParameters.visible(declared)) {
            out.append(spec.name()).append('\n');
        }
        return out.toString();
    }

    static String parametersXml(List<ParameterSpec> declared) {
        StringBuilder out = new StringBuilder("<parameters>\n");
        for (ParameterSpec spec : ProtocolParameters.visible(declared)) {
            out.append("<parameter name=\"").append(Xml.escape(spec.name())).append("\" unique=\"")
                    .append(spec.unique() ? 1 : 0).append('"');
            if (spec.required()) {
                out.append(" required=\"1\"");
            }
            out.append(">\n<content type=\"").append(contentType(spec.type())).append('"');
            if (spec.defaultValue() != null && !spec.secret()) {
                out.append(" default=\"").append(Xml.escape(spec.defaultValue())).append('"');
            }
            out.append(" />\n<shortdesc lang=\"en\">\n").append(Xml.escape(spec.shortDescription()))
                    .append("\n</shortdesc>\n<longdesc lang=\"en\">\n").append(Xml.escape(longDescription(spec)))
                    .append("\n</longdesc>\n</parameter>\n");
        }
        return out.append("</parameters>\n").toString();
    }

    /** cluster-glue knows string, integer and boolean; seconds may have fractions, a select is text. */
    private static String contentType(ParameterType type) {
        return switch (type) {
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case STRING, SECONDS, SELECT -> "string";
        };
    }

    private static String longDescription(ParameterSpec spec) {
        StringBuilder text = new StringBuilder(ProtocolParameters.sentence(spec.longDescription()));
        if (spec.type() == ParameterType.SELECT) {
            text.append(" Allowed values: ").append(String.join(", ", spec.choices())).append('.');
        } else if (spec.type() == ParameterType.SECONDS) {
            text.append(" In seconds.");
        }
        if (!spec.aliases().isEmpty()) {
            text.append(" Also accepted as: ").append(String.join(", ", spec.aliases())).append('.');
        }
        return text.toString();
    }
}
