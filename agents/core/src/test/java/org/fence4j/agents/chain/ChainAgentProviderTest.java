package org.fence4j.agents.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole chain as one device, as Pacemaker sees it through external/fence4j. */
class ChainAgentProviderTest {
    @TempDir
    Path dir;

    FenceAgent agent(String firstMode) throws Exception {
        Path toys = Files.createDirectories(dir.resolve("toys"));
        Path config = dir.resolve("fence4j.yaml");
        Files.writeString(config, """
                state_dir: %1$s/state
                devices:
                  first:  { agent: toy, params: { hostlist: pm02, mode: %2$s, state_dir: %1$s/toys, passwd_env: PW } }
                  second: { agent: toy, params: { hostlist: pm02, state_dir: %1$s/toys, passwd_env: PW } }
                targets:
                  pm02: { levels: [ { device: first, timeout: 5s }, { device: second, timeout: 5s } ] }
                """.formatted(dir, firstMode));
        new ToyDevice(toys).setPower("pm02", PowerState.ON);
        ChainAgentProvider provider = new ChainAgentProvider(Map.of("PW", ToyAgentProvider.PASSWORD)::get);
        return provider.create(DeclaredParameters.resolve(provider.parameters(),
                List.of(new RawParameter("config", config.toString(), Origin.environment("config"))),
                DeclaredParameters.Unknown.REJECT));
    }

    @Test
    void fencesThroughTheChainAndRecordsTheHistory() throws Exception {
        try (FenceAgent chain = agent("fail")) {
            FenceResult r = chain.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(20)));
            assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.message()).startsWith("Fencing pm02 succeeded by level 2 (toy) in ");
            assertThat(Fencer.history(dir.resolve("state")).read(java.util.Optional.of("pm02"), 5))
                    .singleElement().satisfies(e -> assertThat(e.level()).isEqualTo(2));
            assertThat(chain.targets()).containsExactly("pm02");
            assertThat(chain.execute(FenceAction.STATUS, "pm02", Deadline.after(Duration.ofSeconds(5))).power())
                    .isEqualTo(PowerState.ON);
        }
    }

    @Test
    void anUnknownTargetFails() throws Exception {
        try (FenceAgent chain = agent("normal")) {
            FenceResult r = chain.execute(FenceAction.OFF, "pm07", Deadline.after(Duration.ofSeconds(5)));
            assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.message()).startsWith("'pm07' is not a target in ").endsWith("(targets: pm02)");
        }
    }

    @Test
    void monitorChecksEveryDevice() throws Exception {
        try (FenceAgent chain = agent("normal")) {
            assertThat(chain.execute(FenceAction.MONITOR, null, Deadline.after(Duration.ofSeconds(5))).outcome())
                    .isEqualTo(Outcome.SUCCESS);
        }
    }

    /** As fence-cli status --monitor: the device that is broken, and why. */
    @Test
    void monitorNamesTheBrokenDeviceAndWhy() throws Exception {
        try (FenceAgent chain = agent("fail")) {
            FenceResult r = chain.execute(FenceAction.MONITOR, null, Deadline.after(Duration.ofSeconds(5)));
            assertThat(r.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.message()).isEqualTo("1 of 2 devices for pm02 are healthy."
                    + " Level 1 first (toy): FAILURE: toy device refused monitor (mode=fail)");
        }
    }

    @Test
    void aRequestReadsOnlyItsDevicesSecretsAndValidateAllReadsThemAll() throws Exception {
        Path toys = Files.createDirectories(dir.resolve("toys"));
        Path config = dir.resolve("fence4j.yaml");
        Files.writeString(config, """
                state_dir: %1$s/state
                devices:
                  first:  { agent: toy, params: { hostlist: pm02, state_dir: %1$s/toys, passwd_env: PW } }
                  second: { agent: toy, params: { hostlist: pm02, state_dir: %1$s/toys, passwd_env: NOT_SET } }
                targets:
                  pm02: { levels: [ { device: first, timeout: 5s }, { device: second, timeout: 5s } ] }
                """.formatted(dir));
        new ToyDevice(toys).setPower("pm02", PowerState.ON);
        ChainAgentProvider provider = new ChainAgentProvider(Map.of("PW", ToyAgentProvider.PASSWORD)::get);
        try (FenceAgent chain = provider.create(DeclaredParameters.resolve(provider.parameters(),
                List.of(new RawParameter("config", config.toString(), Origin.environment("config"))),
                DeclaredParameters.Unknown.REJECT))) {
            assertThat(chain.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(20))).outcome())
                    .isEqualTo(Outcome.SUCCESS);

            assertThat(chain.problems(Deadline.after(Duration.ofSeconds(20)))).containsExactly(config + ":4:"
                    + " devices.second.params: passwd_env: environment variable 'NOT_SET' is not set; expected it to"
                    + " hold the passwd");
        }
    }

    @Test
    void configurationErrorsAreParameterErrors() {
        ChainAgentProvider provider = new ChainAgentProvider(k -> null);
        assertThatThrownBy(() -> provider.create(DeclaredParameters.resolve(provider.parameters(),
                List.of(new RawParameter("config", dir.resolve("none.yaml").toString(), Origin.environment("config"))),
                DeclaredParameters.Unknown.REJECT)))
                .isInstanceOf(ParameterException.class).hasMessageContaining("none.yaml: no such configuration file");
    }

    @Test
    void aChainCannotBeALevelOfAChain() throws Exception {
        Path config = dir.resolve("loop.yaml");
        Files.writeString(config, """
                devices:
                  all: { agent: chain, params: { config: %s } }
                targets:
                  pm02: { levels: [ { device: all } ] }
                """.formatted(config));
        ChainAgentProvider provider = new ChainAgentProvider(k -> null);
        assertThatThrownBy(() -> provider.create(DeclaredParameters.resolve(provider.parameters(),
                List.of(new RawParameter("config", config.toString(), Origin.environment("config"))),
                DeclaredParameters.Unknown.REJECT)))
                .hasMessageContaining(config + ":2: devices.all.agent: a whole chain cannot be a level of a chain");
    }
}
