package org.fence4j.meatware.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.fence4j.meatware.cli.ConfirmCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** fence-cli confirm answers a wait of cluster-glue's own meatware plugin, started by its stonith tool. */
class Fence4jConfirmsClusterGlueIT {
    private final String node = ClusterGlue.uniqueNode();
    private final String other = ClusterGlue.uniqueNode();
    private final StringWriter err = new StringWriter();
    private Process stonith;

    @BeforeEach
    void requireClusterGlue() {
        ClusterGlue.assumeInstalled();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (stonith != null && stonith.isAlive()) {
            stonith.destroyForcibly().waitFor();
        }
        ClusterGlue.cleanUp(node);
        ClusterGlue.cleanUp(other);
    }

    private int confirm(String target) {
        CommandLine cli = new CommandLine(new ConfirmCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(target, "--yes");
    }

    @Test
    void confirmsAStonithMeatwareResetAndNotAnotherNodes() throws Exception {
        stonith = ClusterGlue.start(List.of(ClusterGlue.STONITH.toString(), "-t", "meatware", "hostlist=" + node,
                "-T", "reset", node));
        ClusterGlue.awaitBlockedInOpen(stonith.pid());

        assertThat(confirm(other)).as("nobody waits for " + other).isEqualTo(1);
        assertThat(err.toString()).contains("Nobody is waiting for a confirmation of " + other);
        assertThat(stonith.isAlive()).as("stonith still waits for " + node).isTrue();

        assertThat(confirm(node)).isZero();
        assertThat(ClusterGlue.exit(stonith)).as("stonith -T reset exit code").isZero();
    }

    @Test
    void aStonithWaitThatEndedLeavesNobodyToConfirm() throws Exception {
        stonith = ClusterGlue.start(List.of(ClusterGlue.STONITH.toString(), "-t", "meatware", "hostlist=" + node,
                "-T", "reset", node));
        ClusterGlue.awaitBlockedInOpen(stonith.pid());
        stonith.destroyForcibly().waitFor(); // as Pacemaker's fencer does at its timeout: the FIFO stays behind

        assertThat(confirm(node)).isEqualTo(1);
        assertThat(err.toString()).contains("left over from a request that has ended");
    }
}
