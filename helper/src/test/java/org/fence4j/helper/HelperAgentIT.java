package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The helper with the real {@code ping} against a namespace standing for pm02 (and loopback):
 * alive fails so the next level runs, dead succeeds. Needs root and {@code ip}.
 */
class HelperAgentIT {
    private static final Duration LEVEL_TIMEOUT = Duration.ofSeconds(40);
    @RegisterExtension
    static final TestNamespace.PerClass pm02 = new TestNamespace.PerClass();

    /** A helper for pm02 probing {@code deadCheckTarget}; {@code overrides}: key, value, ... */
    private static FenceAgent helper(String deadCheckTarget, String... overrides) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(Map.of("hostlist", "pm02",
                "dead_check_target", deadCheckTarget, "dead_check_trialcount", "2", "run_standby_wait", "no"));
        for (int i = 0; i < overrides.length; i += 2) {
            params.put(overrides[i], overrides[i + 1]);
        }
        return new HelperAgentProvider().create(TestParameters.resolve(params.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new)));
    }

    private static FenceResult reset(FenceAgent agent) throws InterruptedException {
        return agent.execute(FenceAction.RESET, "pm02", Deadline.after(LEVEL_TIMEOUT));
    }

    @Test
    void aliveOverIpv4FailsSoTheNextLevelRuns() throws Exception {
        FenceResult result = reset(helper(pm02.get().peerIpv4));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).startsWith("pm02: " + pm02.get().peerIpv4 + " answered");
    }

    @Test
    void aliveOverIpv4ThroughTheInterface() throws Exception {
        String target = pm02.get().peerIpv4 + "%" + pm02.get().hostLink;

        assertThat(reset(helper(target)).message()).startsWith("pm02: " + target + " answered");
    }

    @Test
    void aliveOverIpv6LinkLocalThroughTheInterface() throws Exception {
        String target = pm02.get().peerIpv6 + "%" + pm02.get().hostLink;

        FenceResult result = reset(helper(target));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).startsWith("pm02: " + target + " answered");
    }

    @Test
    void loopbackOverIpv4AndIpv6Answers() throws Exception {
        assertThat(reset(helper("127.0.0.1")).message()).startsWith("pm02: 127.0.0.1 answered");
        assertThat(reset(helper("::1")).message()).startsWith("pm02: ::1 answered");
    }

    @Test
    void deadWhenEveryAddressIsSilentSoTheChainStops() throws Exception {
        pm02.get().setPeerLink(false);

        TestNamespace ns = pm02.get();
        FenceResult result = reset(helper(ns.peerIpv4 + " " + ns.peerIpv6 + "%" + ns.hostLink));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("pm02: all dead_check_target addresses are silent; pm02 is considered dead");
    }

    @Test
    void oneAnsweringAddressOutweighsSilentOnes() throws Exception {
        pm02.get().setPeerLink(false);

        FenceResult result = reset(helper(pm02.get().peerIpv4 + ",::1", "dead_check_trialcount", "5"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).startsWith("pm02: ::1 answered");
    }

    @Test
    void aMissingInterfaceIsNoProofOfDeath() throws Exception {
        FenceResult result = reset(helper(pm02.get().peerIpv4 + "%f4jh-nosuch"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).contains("could not probe " + pm02.get().peerIpv4 + "%f4jh-nosuch", "ping exited 2");
    }

    @Test
    void theStandbyNodeWaitsWithARealStandbyCheck() throws Exception {
        FenceAgent agent = helper("127.0.0.1", "run_standby_wait", "yes", "standby_check_command", "false",
                "standby_wait_time", "1", "run_online_check", "no");
        long start = System.nanoTime();

        FenceResult result = reset(agent);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aShortDeadlineEndsTheDeadCheckBeforeItPasses() throws Exception {
        pm02.get().setPeerLink(false);
        FenceAgent agent = helper(pm02.get().peerIpv4, "dead_check_trialcount", "10");
        Duration timeout = Duration.ofMillis(2500);
        long start = System.nanoTime();

        FenceResult result = agent.execute(FenceAction.RESET, "pm02", Deadline.after(timeout));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("dead check with a " + timeout.toMillis() + " ms deadline returned after " + took.toMillis() + " ms");
        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(took).isLessThanOrEqualTo(timeout);
        assertThat(pingsRunning()).isZero();
    }

    @Test
    void anInterruptionStopsThePingsPromptly() throws Exception {
        pm02.get().setPeerLink(false);
        TestNamespace ns = pm02.get();
        FenceAgent agent = helper(ns.peerIpv4 + " " + ns.peerIpv6 + "%" + ns.hostLink, "dead_check_trialcount", "10");
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.set(reset(agent));
            } catch (InterruptedException e) {
                outcome.set(e);
            }
        });
        caller.start();
        Await.until("the probes' ping processes run (this JVM's children)", () -> pingsRunning() > 0,
                Duration.ofSeconds(5));
        long start = System.nanoTime();

        caller.interrupt();
        caller.join(10_000);

        System.out.printf("interrupted dead check returned after %.1f ms%n", (System.nanoTime() - start) / 1e6);
        assertThat(caller.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(pingsRunning()).isZero();
    }

    private static long pingsRunning() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().command().filter(c -> c.endsWith("/ping")).isPresent())
                .count();
    }
}
