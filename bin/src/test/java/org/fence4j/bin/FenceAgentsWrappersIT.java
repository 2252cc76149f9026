package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.XmlDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The fence_* agents of the distribution, run as Pacemaker's fencer runs them. */
class FenceAgentsWrappersIT {

    @BeforeEach
    void built() {
        Dist.assumeBuilt();
    }

    @Test
    void metadataIsWellFormedAndNamesTheInstalledAgent() {
        for (String type : Dist.TYPES) {
            String name = Dist.agent(type).getFileName().toString();
            // the fencer asks with action=metadata on stdin; pcs and fence-agents' tools with -o metadata
            for (ChildProcess.Result metadata : List.of(Dist.run(Dist.agent(type), Map.of(), "action=metadata\n"),
                    Dist.run(Dist.agent(type), Map.of(), "", "-o", "metadata"))) {
                assertThat(metadata.exitCode()).as(metadata.stderr()).isZero();
                Element root = XmlDocuments.parse(metadata.stdout()).getDocumentElement();
                assertThat(root.getTagName()).isEqualTo("resource-agent");
                assertThat(root.getAttribute("name")).isEqualTo(name);
                assertThat(root.getAttribute("shortdesc")).isNotBlank();
                List<Element> parameters = XmlDocuments.children(XmlDocuments.child(root, "parameters"), "parameter");
                assertThat(parameters.get(0).getAttribute("name")).isEqualTo("action");
                assertThat(parameters).extracting(p -> p.getAttribute("name")).contains("plug", "port", "nodename",
                        "delay", "timeout");
                for (Element p : parameters) {
                    assertThat(XmlDocuments.children(p, "getopt")).as(p.getAttribute("name")).hasSize(1);
                    assertThat(XmlDocuments.children(p, "content")).as(p.getAttribute("name")).hasSize(1);
                    assertThat(XmlDocuments.children(p, "shortdesc")).as(p.getAttribute("name")).hasSize(1);
                }
                List<String> actions = XmlDocuments.children(XmlDocuments.child(root, "actions"), "action").stream()
                        .map(a -> a.getAttribute("name")).toList();
                assertThat(actions).contains("metadata", "validate-all", "monitor");
            }
        }
    }

    @Test
    void ipmiMetadataKeepsFenceIpmilansParameterNames() {
        ChildProcess.Result metadata = Dist.run(Dist.agent("ipmi"), Map.of(), "action=metadata\n");
        Element root = XmlDocuments.parse(metadata.stdout()).getDocumentElement();
        List<String> names = XmlDocuments.children(XmlDocuments.child(root, "parameters"), "parameter").stream()
                .map(p -> p.getAttribute("name")).toList();
        assertThat(names).contains("ip", "ipport", "username", "password", "lanplus", "cipher");
        List<String> actions = XmlDocuments.children(XmlDocuments.child(root, "actions"), "action").stream()
                .map(a -> a.getAttribute("name")).toList();
        assertThat(actions).contains("on", "off", "reboot", "status", "monitor");
    }
}
