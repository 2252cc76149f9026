package org.fence4j.agents.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.config.Device;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.syslog.Syslog;
import org.fence4j.agents.testing.SyslogSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FencerTest {
    @TempDir
    Path dir;

    private static Device device(String name, FenceResult answer) throws Exception {
        FenceAgent agent = mock(FenceAgent.class);
        when(agent.execute(any(), any(), any())).thenReturn(answer);
        FenceAgentProvider provider = mock(FenceAgentProvider.class);
        when(provider.type()).thenReturn(name.substring(0, name.indexOf('-')));
        when(provider.actions()).thenCallRealMethod();
        when(provider.create(any())).thenReturn(agent);
        return new Device(name, provider, DeclaredParameters.empty());
    }

    @Test
    void theConciseLogSaysTheStartEachLevelAndTheOutcomeInSyslog() throws Exception {
        SyslogSocket.assumeLogger();
        Device helper = device("helper-pm02", FenceResult.failure("pm02 is alive\n(it answered a ping)"));
        Device ipmi = device("ipmi-pm02", FenceResult.power(PowerState.OFF, "pm02 is powered off"));
        FenceConfig.Target target = new FenceConfig.Target("pm02", List.of(
                new FenceConfig.Level(1, helper, Duration.ofSeconds(5)), new FenceConfig.Level(2, ipmi,
                        Duration.ofSeconds(5))));
        FenceConfig config = new FenceConfig(dir.resolve("fence4j.yaml"), dir.resolve("state"),
                Map.of("helper-pm02", helper, "ipmi-pm02", ipmi), Map.of("pm02", target));
        try (SyslogSocket syslog = new SyslogSocket(dir.resolve("log"))) {
            ChainResult r = new Fencer(config, ChainListener.NONE, TargetLocks.shared(),
                    new ConciseLog(new Syslog(syslog.path)))
                    .fence(target, FenceAction.OFF, "pacemaker-fenced", Deadline.after(Duration.ofSeconds(10)), true);

            assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
            Duration limit = Duration.ofSeconds(20);
            // <29>: daemon notice, <28>: daemon warning; each line a sentence of its own
            assertThat(syslog.await("Fencing pm02 (off) through", limit).text()).startsWith("<29>")
                    .endsWith(" fence4j[" + ProcessHandle.current().pid() + "]: Fencing pm02 (off) through its chain of"
                            + " 2 levels, requested by pacemaker-fenced.");
            assertThat(syslog.await("level 1", limit).text()).startsWith("<28>").matches(".*: Fencing pm02 \\(off\\):"
                    + " level 1 helper-pm02 failed after [0-9.]+ (ms|s): pm02 is alive \\(it answered a ping\\)\\.$");
            assertThat(syslog.await("level 2", limit).text()).startsWith("<29>")
                    .contains("level 2 ipmi-pm02 succeeded after");
            assertThat(syslog.await(r.summary().strip(), limit).text()).startsWith("<29>");
        }
    }

    @Test
    void aHistoryThatCannotBeWrittenDoesNotLoseAConfirmedFence() throws Exception {
        FenceAgent agent = mock(FenceAgent.class);
        when(agent.execute(any(), any(), any())).thenReturn(FenceResult.power(PowerState.OFF, "off"));
        FenceAgentProvider provider = mock(FenceAgentProvider.class);
        when(provider.type()).thenReturn("ipmi");
        when(provider.actions()).thenCallRealMethod();
        when(provider.create(any())).thenReturn(agent);
        Device device = new Device("ipmi-pm02", provider, DeclaredParameters.empty());
        FenceConfig.Target target = new FenceConfig.Target("pm02",
                List.of(new FenceConfig.Level(1, device, Duration.ofSeconds(5))));
        FenceConfig config = new FenceConfig(dir.resolve("fence4j.yaml"), dir, Map.of("ipmi-pm02", device),
                Map.of("pm02", target));
        Files.createDirectories(dir.resolve("history.jsonl")); // a directory where the history file should be

        ChainResult r = new Fencer(config, ChainListener.NONE)
                .fence(target, FenceAction.OFF, "test", Deadline.after(Duration.ofSeconds(10)), true);

        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
    }
}
