package org.fence4j.meatware.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.meatware.rendezvous.TestFifos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cluster-glue's own meatclient answers a fence4j meatware wait. */
class MeatclientConfirmsFence4jIT {
    private final String node = ClusterGlue.uniqueNode();
    private final String other = ClusterGlue.uniqueNode();

    @BeforeEach
    void requireClusterGlue() {
        ClusterGlue.assumeInstalled();
    }

    @AfterEach
    void cleanUp() throws Exception {
        ClusterGlue.cleanUp(node);
        ClusterGlue.cleanUp(other);
    }

    private static CompletableFuture<FenceResult> reset(FenceAgent agent, String target) {
        CompletableFuture<FenceResult> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(agent.execute(FenceAction.RESET, target, Deadline.after(Duration.ofMinutes(2))));
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return result;
    }

    private static Process meatclient(String node, String answer) throws Exception {
        Process p = ClusterGlue.start(List.of(ClusterGlue.MEATCLIENT.toString(), "-c", node.toUpperCase()));
        try (OutputStream in = p.getOutputStream()) {
            in.write((answer + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return p;
    }

    @Test
    void meatclientConfirmsOnlyTheNodeItNames() throws Exception {
        FenceAgent agent = ClusterGlue.fence4jMeatware(node + " " + other);
        CompletableFuture<FenceResult> mine = reset(agent, node);
        CompletableFuture<FenceResult> theOther = reset(agent, other);
        TestFifos.awaitReader(node);
        TestFifos.awaitReader(other);

        Process client = meatclient(node, "y");

        assertThat(ClusterGlue.exit(client)).isZero();
        assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Meatware_client: reset confirmed.");
        FenceResult result = mine.get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).contains("/run/meatware." + node).contains("does not say who");
        assertThat(theOther).as("the other node's wait is not confirmed by it").isNotDone();

        assertThat(ClusterGlue.exit(meatclient(other, "y"))).isZero();
        assertThat(theOther.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void meatclientCancelledIsAFailure() throws Exception {
        CompletableFuture<FenceResult> mine = reset(ClusterGlue.fence4jMeatware(node), node);
        TestFifos.awaitReader(node);

        Process client = meatclient(node, "n");

        assertThat(ClusterGlue.exit(client)).isEqualTo(3); // S_INVAL: "operation canceled"
        FenceResult result = mine.get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).contains("without confirming");
    }
}
