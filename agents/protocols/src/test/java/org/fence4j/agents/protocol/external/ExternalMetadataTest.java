package org.fence4j.agents.protocol.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fence4j.agents.testing.XmlDocuments.child;
import static org.fence4j.agents.testing.XmlDocuments.children;

import java.util.List;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.testing.XmlDocuments;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ExternalMetadataTest {
    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.string("hostname", "Hostname").asRequired().asUnique()
                    .withLongDescription("The name of the host to be managed by this STONITH device."),
            ParameterSpec.select("passwd_method", "Password method", "param", "env", "file").withDefault("param"),
            ParameterSpec.integer("ipport", "Port").withDefault("623").withAliases("port"),
            ParameterSpec.secret("passwd", "Password").asRequired(),
            ParameterSpec.bool("lanplus", "Use <lanplus> & RMCP+"));

    @Test
    void parameterFragmentHasTheShapeOfClusterGluePlugins() {
        String xml = ExternalMetadata.parametersXml(SPECS.subList(0, 3));

        assertThat(xml).isEqualTo("""
                <parameters>
                <parameter name="hostname" unique="1" required="1">
                <content type="string" />
                <shortdesc lang="en">
                Hostname
                </shortdesc>
                <longdesc lang="en">
                The name of the host to be managed by this STONITH device.
                </longdesc>
                </parameter>
                <parameter name="passwd_method" unique="0">
                <content type="string" default="param" />
                <shortdesc lang="en">
                Password method
                </shortdesc>
                <longdesc lang="en">
                Password method. Allowed values: param, env, file.
                </longdesc>
                </parameter>
                <parameter name="ipport" unique="0">
                <content type="integer" default="623" />
                <shortdesc lang="en">
                Port
                </shortdesc>
                <longdesc lang="en">
                Port. Also accepted as: port.
                </longdesc>
                </parameter>
                </parameters>
                """);
    }

    @Test
    void secretIsListedWithItsSourcesAndNeverAsRequired() {
        Element root = XmlDocuments.parse(ExternalMetadata.parametersXml(SPECS)).getDocumentElement();

        assertThat(root.getNodeName()).isEqualTo("parameters");
        List<Element> params = children(root, "parameter");
        assertThat(params).extracting(p -> p.getAttribute("name")).containsExactly("hostname", "passwd_method",
                "ipport", "passwd", "passwd_file", "passwd_env", "passwd_script", "lanplus");
        Element passwd = params.get(3);
        assertThat(passwd.hasAttribute("required")).isFalse();
        assertThat(child(passwd, "content").getAttribute("type")).isEqualTo("string");
        Element lanplus = params.get(7);
        assertThat(child(lanplus, "content").getAttribute("type")).isEqualTo("boolean");
        assertThat(child(lanplus, "shortdesc").getTextContent().strip()).isEqualTo("Use <lanplus> & RMCP+");
        assertThat(child(lanplus, "shortdesc").getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void configNamesAreTheNamesOfTheFragmentOnePerLine() {
        assertThat(ExternalMetadata.configNames(SPECS)).isEqualTo(
                "hostname\npasswd_method\nipport\npasswd\npasswd_file\npasswd_env\npasswd_script\nlanplus\n");
    }
}
