package org.fence4j.meatware.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code fence-cli confirm}, as its own process, answers a wait of cluster-glue's own meatware
 * plugin started by its stonith tool.
 */
class Fence4jConfirmsClusterGlueIT {
    private final String node = ClusterGlue.uniqueNode();
    private final String other = ClusterGlue.uniqueNode();
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

    private static ChildProcess.Result confirm(String target) {
        return ChildProcess.run(ChildProcess.java(FenceCli.class, List.of("confirm", target, "--yes")), Map.of(), "",
                ClusterGlue.LONGEST);
    }

    private void stonithReset() throws Exception {
        stonith = ClusterGlue.start(List.of(ClusterGlue.STONITH.toString(), "-t", "meatware", "hostlist=" + node,
                "-T", "reset", node));
        ClusterGlue.awaitBlockedInOpen(stonith.pid());
    }

    @Test
    void confirmsAStonithMeatwareResetAndNotAnotherNodes() throws Exception {
        stonithReset();

        ChildProcess.Result wrong = confirm(other);
        assertThat(wrong.exitCode()).as("nobody waits for " + other).isEqualTo(1);
        assertThat(wrong.stderr()).contains("Nobody is waiting for a confirmation of " + other);
        assertThat(stonith.isAlive()).as("stonith still waits for " + node).isTrue();

        ChildProcess.Result right = confirm(node);
        assertThat(right.exitCode()).as(right.all()).isZero();
        assertThat(right.stdout()).contains("Confirmed: " + node + " is down (by=");
        assertThat(ClusterGlue.exit(stonith)).as("stonith -T reset exit code").isZero();
    }

    @Test
    void aStonithWaitThatEndedLeavesNobodyToConfirm() throws Exception {
        stonithReset();
        stonith.destroyForcibly().waitFor(); // as Pacemaker's fencer does at its timeout: the FIFO stays behind

        ChildProcess.Result r = confirm(node);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("left over from a request that has ended");
    }
}
