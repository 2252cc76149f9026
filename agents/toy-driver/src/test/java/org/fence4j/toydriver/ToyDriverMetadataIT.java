package org.fence4j.toydriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toy driver's fence_* metadata, which no line of it writes, holds to fence-agents' own schema. */
class ToyDriverMetadataIT {
    private static final Path SCHEMA = Path.of("/usr/share/cluster/relaxng/metadata.rng");

    @Test
    void validAgainstFenceAgentsSchema(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(SCHEMA), "fence-agents' metadata.rng is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xmllint")), "xmllint (libxml2-utils) is not installed");
        ChildProcess.Result metadata = ChildProcess.run(ChildProcess.java(FenceAgentsCommand.class,
                List.of("toypower", "-o", "metadata")), Map.of(), "", Duration.ofSeconds(60));
        assertThat(metadata.exitCode()).isZero();
        Path xml = Files.writeString(dir.resolve("fence_toypower.xml"), metadata.stdout());
        ChildProcess.Result lint = ChildProcess.run(List.of("/usr/bin/xmllint", "--noout", "--relaxng",
                SCHEMA.toString(), xml.toString()), Map.of(), "", Duration.ofSeconds(60));
        assertThat(lint.exitCode()).as(lint.all()).isZero();
    }
}
