package org.fence4j.agents.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.config.Device;
import org.fence4j.agents.config.FenceConfig.Level;
import org.fence4j.agents.config.FenceConfig.Target;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Proof;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class FencingChainTest {
    final List<FenceAgent> agents = new ArrayList<>();

    /** A level whose agent is a Mockito mock, as returned by its provider. */
    Level level(int index, String agentType, Duration timeout) throws Exception {
        FenceAgent agent = mock(FenceAgent.class);
        FenceAgentProvider provider = mock(FenceAgentProvider.class);
        when(provider.type()).thenReturn(agentType);
        when(provider.actions()).thenCallRealMethod();
        when(provider.create(any())).thenReturn(agent);
        agents.add(agent);
        return new Level(index, new Device(agentType + "-pm02", provider, DeclaredParameters.empty()), timeout);
    }

    Target chainOf3() throws Exception {
        return new Target("pm02", List.of(level(1, "helper", Duration.ofSeconds(5)),
                level(2, "ipmi", Duration.ofSeconds(5)), level(3, "meatware", Duration.ofSeconds(5))));
    }

    static FenceResult fenced() {
        return FenceResult.power(PowerState.OFF, "pm02 is powered off.");
    }

    @Test
    void firstSuccessEndsTheChain() throws Exception {
        Target t = chainOf3();
        when(agents.get(0).execute(eq(FenceAction.RESET), eq("pm02"), any())).thenReturn(FenceResult.failure("pm02 is still alive."));
        when(agents.get(1).execute(eq(FenceAction.RESET), eq("pm02"), any())).thenReturn(fenced());

        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.RESET, Duration.ofSeconds(30));

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.succeededBy().orElseThrow().index()).isEqualTo(2);
        assertThat(r.levels()).extracting(LevelReport::outcome).containsExactly(Outcome.FAILURE, Outcome.SUCCESS);
        assertThat(r.levels()).extracting(LevelReport::reason).containsExactly("pm02 is still alive.", "pm02 is powered off.");
        assertThat(r.summary()).startsWith("Fencing pm02 succeeded by level 2 (ipmi) in ");
        InOrder order = inOrder(agents.get(0), agents.get(1));
        order.verify(agents.get(0)).execute(eq(FenceAction.RESET), eq("pm02"), any());
        order.verify(agents.get(0)).close();
        order.verify(agents.get(1)).execute(eq(FenceAction.RESET), eq("pm02"), any());
        verify(agents.get(2), never()).execute(any(), any(), any());
    }

    @Test
    void everyLevelFailingFailsTheRequest() throws Exception {
        Target t = chainOf3();
        for (FenceAgent a : agents) {
            when(a.execute(any(), any(), any())).thenReturn(FenceResult.failure("no"));
        }
        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.OFF, Duration.ofSeconds(30));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.levels()).hasSize(3);
        assertThat(r.succeededBy()).isEmpty();
        assertThat(r.summary()).startsWith("Fencing pm02 (off) failed: all 3 levels failed in ");
    }

    @Test
    void poweringOnSkipsALevelThatCannotPowerOn() throws Exception {
        Target t = chainOf3();
        FenceAgentProvider helper = t.levels().get(0).device().provider();
        when(helper.actions()).thenReturn(FenceAgentProvider.ALL_BUT_ON);
        when(agents.get(1).execute(eq(FenceAction.ON), eq("pm02"), any()))
                .thenReturn(FenceResult.power(PowerState.ON, "pm02 is powered on."));

        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.ON, Duration.ofSeconds(30));

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.levels()).extracting(LevelReport::outcome).containsExactly(Outcome.SKIPPED, Outcome.SUCCESS);
        assertThat(r.levels().get(0).reason()).isEqualTo("skipped: helper cannot power a node on");
        assertThat(r.summary()).startsWith("Powering pm02 on succeeded by level 2 (ipmi) in ");
        verify(helper, never()).create(any());
    }

    @Test
    void poweringOnWithNoLevelThatCanFailsSayingSo() throws Exception {
        Target t = new Target("pm02", List.of(level(1, "helper", Duration.ofSeconds(5))));
        when(t.levels().get(0).device().provider().actions()).thenReturn(FenceAgentProvider.ALL_BUT_ON);
        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.ON, Duration.ofSeconds(30));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.summary()).startsWith("Powering pm02 on failed: no level can power a node on in ");
    }

    @Test
    void anOverrunningLevelIsCancelledAndCountsAsTimeout() throws Exception {
        Target t = new Target("pm02", List.of(level(1, "ipmi", Duration.ofMillis(300)), level(2, "meatware", Duration.ofSeconds(5))));
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<Deadline> seen = new AtomicReference<>();
        when(agents.get(0).execute(any(), any(), any())).thenAnswer(inv -> {
            seen.set(inv.getArgument(2));
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return fenced();
        });
        when(agents.get(1).execute(any(), any(), any())).thenReturn(fenced());

        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.RESET, Duration.ofSeconds(30));

        assertThat(r.levels().get(0).outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.levels().get(0).reason()).isEqualTo("did not finish within 0.3 s; cancelled");
        assertThat(interrupted).isTrue();
        assertThat(seen.get().remaining()).isLessThanOrEqualTo(Duration.ofMillis(300));
        assertThat(r.succeededBy().orElseThrow().index()).isEqualTo(2);
        verify(agents.get(0)).close();
    }

    @Test
    void aConfirmedFenceThatArrivesJustAfterTheDeadlineStillCounts() throws Exception {
        Target t = new Target("pm02", List.of(level(1, "ipmi", Duration.ofMillis(200)), level(2, "meatware", Duration.ofSeconds(5))));
        when(agents.get(0).execute(any(), any(), any())).thenAnswer(inv -> {
            Thread.sleep(400); // within AgentCall.GRACE of the level's deadline
            return fenced();
        });
        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.RESET, Duration.ofSeconds(30));
        assertThat(r.succeededBy().orElseThrow().index()).isEqualTo(1);
        verify(agents.get(1), never()).execute(any(), any(), any());
    }

    @Test
    void theRequestTimeoutBoundsEveryLevel() throws Exception {
        Target t = new Target("pm02", List.of(level(1, "ipmi", Duration.ofSeconds(60)), level(2, "meatware", Duration.ofSeconds(60))));
        when(agents.get(0).execute(any(), any(), any())).thenAnswer(inv -> {
            Thread.sleep(60_000);
            return fenced();
        });
        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.RESET, Duration.ofMillis(300));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.levels()).extracting(LevelReport::outcome).containsExactly(Outcome.TIMEOUT, Outcome.TIMEOUT);
        assertThat(r.levels().get(1).reason()).startsWith("not tried: the request timeout");
        verify(agents.get(1), never()).execute(any(), any(), any());
    }

    @Test
    void interruptingTheCallerCancelsTheRequest() throws Exception {
        Target t = chainOf3();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean agentInterrupted = new AtomicBoolean();
        AtomicReference<Duration> agentRan = new AtomicReference<>();
        when(agents.get(0).execute(any(), any(), any())).thenAnswer(inv -> {
            long started = System.nanoTime();
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                agentRan.set(Duration.ofNanos(System.nanoTime() - started));
                agentInterrupted.set(true);
                throw e;
            }
            return fenced();
        });
        AtomicReference<ChainResult> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(
                new FencingChain(ChainListener.NONE).fence(t, FenceAction.RESET, Duration.ofSeconds(30))));
        caller.start();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(10_000);

        ChainResult r = result.get();
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.summary()).contains("failed: cancelled");
        assertThat(r.levels()).extracting(LevelReport::reason)
                .containsExactly("cancelled by the operator", "not tried: the request was cancelled",
                        "not tried: the request was cancelled");
        assertThat(agentInterrupted).isTrue();
        verify(agents.get(1), never()).execute(any(), any(), any());
        // the cancelled level took the time it ran, not "0 ms"
        assertThat(r.levels().get(0).duration()).isGreaterThanOrEqualTo(agentRan.get());
    }

    @Test
    void anAgentThatThrowsIsAFailureNotASuccess() throws Exception {
        Target t = new Target("pm02", List.of(level(1, "ipmi", Duration.ofSeconds(5))));
        when(agents.get(0).execute(any(), any(), any())).thenThrow(new IllegalStateException("socket closed"));
        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.RESET, Duration.ofSeconds(5));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.levels().get(0).reason()).isEqualTo("reset failed: IllegalStateException: socket closed");
    }

    @Test
    void successWhilePowerReadsOnIsNotBelieved() throws Exception {
        Target t = new Target("pm02", List.of(level(1, "ipmi", Duration.ofSeconds(5))));
        when(agents.get(0).execute(any(), any(), any()))
                .thenReturn(FenceResult.power(PowerState.ON, "done"));
        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.OFF, Duration.ofSeconds(5));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.levels().get(0).reason()).startsWith("reported success but read the power as on");
    }

    @Test
    void aLevelThatSucceedsWithoutProofFailsAndTheNextLevelFences() throws Exception {
        Target t = chainOf3();
        when(agents.get(0).execute(any(), any(), any())).thenReturn(FenceResult.success("pm02 was power-cycled."));
        when(agents.get(1).execute(any(), any(), any())).thenReturn(FenceResult.confirmed(Proof.OPERATOR_CONFIRMED,
                "Operator confirmed pm02 is down."));
        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.RESET, Duration.ofSeconds(5));
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.levels().get(0).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.levels().get(0).reason()).isEqualTo("reported success without proof: pm02 was power-cycled.");
        assertThat(r.succeededBy().map(LevelReport::proof)).contains(Proof.OPERATOR_CONFIRMED);
        verify(agents.get(2), never()).execute(any(), any(), any());
    }

    @Test
    void onSucceedsOnlyWithThePowerReadOn() throws Exception {
        Target t = chainOf3();
        when(agents.get(0).execute(any(), any(), any())).thenReturn(FenceResult.success("power up sent"));
        when(agents.get(1).execute(any(), any(), any())).thenReturn(FenceResult.power(PowerState.ON, "pm02 is on."));
        ChainResult r = new FencingChain(ChainListener.NONE).fence(t, FenceAction.ON, Duration.ofSeconds(5));
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.levels()).extracting(LevelReport::outcome).containsExactly(Outcome.FAILURE, Outcome.SUCCESS);
        assertThat(r.power()).isEqualTo(PowerState.ON);
    }

    @Test
    void statusAsksEveryLevelAndTakesTheFirstPowerReading() throws Exception {
        Target t = chainOf3();
        when(agents.get(0).execute(any(), any(), any())).thenReturn(FenceResult.success("configuration valid"));
        when(agents.get(1).execute(any(), any(), any())).thenReturn(FenceResult.power(PowerState.OFF, "off"));
        when(agents.get(2).execute(any(), any(), any())).thenReturn(FenceResult.success("ok"));
        ChainResult r = new FencingChain(ChainListener.NONE).survey(t, FenceAction.STATUS, Duration.ofSeconds(5));
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.power()).isEqualTo(PowerState.OFF);
        assertThat(r.levels()).hasSize(3);
        assertThat(r.summary()).isEqualTo("pm02 is powered off (read by level 2, ipmi).");
    }

    @Test
    void monitorNeedsEveryDeviceHealthy() throws Exception {
        Target t = chainOf3();
        when(agents.get(0).execute(any(), any(), any())).thenReturn(FenceResult.success("ok"));
        when(agents.get(1).execute(any(), any(), any())).thenReturn(FenceResult.failure("BMC unreachable"));
        when(agents.get(2).execute(any(), any(), any())).thenReturn(FenceResult.success("ok"));
        ChainResult r = new FencingChain(ChainListener.NONE).survey(t, FenceAction.MONITOR, Duration.ofSeconds(5));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.summary()).isEqualTo("2 of 3 devices for pm02 are healthy.");
    }
}
