package org.fence4j.agents.protocol.fenceagents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.XmlDocuments;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Our metadata against what a real fence-agents agent (fence_ipmilan) prints, shape for shape. */
class FenceAgentsMetadataIT {
    private static final Path FENCE_IPMILAN = Path.of("/usr/sbin/fence_ipmilan");
    /** fence-agents' schema (package fence-agents): what pcs and fence-agents' own tests hold agents to. */
    private static final Path SCHEMA = Path.of("/usr/share/cluster/relaxng/metadata.rng");
    /** Nothing: fence-agents' schema allows no per-parameter longdesc, so none is added. */
    private static final Set<String> OUR_ADDITIONS = Set.of();
    /** What fence_ipmilan has and a generic agent does not: other names it is installed under. */
    private static final Set<String> THEIR_EXTRAS = Set.of("resource-agent/symlink", "resource-agent/symlink@name",
            "resource-agent/symlink@shortdesc");

    @Test
    void sameElementsAndAttributesAsFenceIpmilan() {
        assumeTrue(Files.isExecutable(FENCE_IPMILAN), "fence-agents' fence_ipmilan is not installed");
        ChildProcess.Result real = ChildProcess.run(List.of(FENCE_IPMILAN.toString(), "-o", "metadata"), Map.of(), "",
                Duration.ofSeconds(60));
        assertThat(real.exitCode()).isZero();

        Set<String> theirs = paths(XmlDocuments.parse(real.stdout()).getDocumentElement());
        Set<String> ours = paths(XmlDocuments.parse(FenceAgentsMetadata.render("fence_toy", new ToyAgentProvider()))
                .getDocumentElement());

        Set<String> unknownToFenceAgents = new TreeSet<>(ours);
        unknownToFenceAgents.removeAll(theirs);
        assertThat(unknownToFenceAgents).isEqualTo(new TreeSet<>(OUR_ADDITIONS));
        Set<String> missing = new TreeSet<>(theirs);
        missing.removeAll(ours);
        assertThat(missing).isEqualTo(new TreeSet<>(THEIR_EXTRAS));
    }

    @Test
    void validAgainstFenceAgentsSchema() throws Exception {
        assumeTrue(Files.isReadable(SCHEMA), "fence-agents' metadata.rng is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xmllint")), "xmllint (libxml2-utils) is not installed");
        Path xml = Files.createTempFile("fence_toy", ".xml");
        try {
            Files.writeString(xml, FenceAgentsMetadata.render("fence_toy", new ToyAgentProvider()));
            ChildProcess.Result lint = ChildProcess.run(List.of("/usr/bin/xmllint", "--noout", "--relaxng",
                    SCHEMA.toString(), xml.toString()), Map.of(), "", Duration.ofSeconds(60));
            assertThat(lint.exitCode()).as(lint.all()).isZero();
            assertThat(lint.stderr()).contains("validates");
        } finally {
            Files.delete(xml);
        }
    }

    /** Every element path and element-path@attribute in the document. */
    private static Set<String> paths(Element root) {
        Set<String> out = new TreeSet<>();
        collect(root, root.getNodeName(), out);
        return out;
    }

    private static void collect(Element element, String path, Set<String> out) {
        out.add(path);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            out.add(path + "@" + attributes.item(i).getNodeName());
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, path + "/" + e.getNodeName(), out);
            }
        }
    }
}
