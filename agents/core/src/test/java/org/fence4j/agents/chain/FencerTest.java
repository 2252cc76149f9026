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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FencerTest {
    @TempDir
    Path dir;

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
