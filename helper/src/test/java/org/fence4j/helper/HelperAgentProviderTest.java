package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.junit.jupiter.api.Test;

class HelperAgentProviderTest {
    private final FenceAgentProvider provider = AgentRegistry.load().find("helper").orElseThrow();

    @Test
    void isFoundAsTypeHelper() {
        assertThat(provider).isInstanceOf(HelperAgentProvider.class);
        assertThat(provider.info().id()).isEqualTo("External STONITH module to check target and avoid shooting each other.");
    }

    @Test
    void declaresUpstreamNamesInGetconfignamesOrderWithUpstreamDefaults() {
        assertThat(provider.parameters()).extracting(ParameterSpec::name).containsExactly("hostlist",
                "run_dead_check", "run_quorum_check", "run_online_check", "online_check_retry_max",
                "run_standby_wait", "dead_check_target", "dead_check_trialcount", "standby_check_command",
                "standby_wait_time", "quorum_check_wait_time");
        assertThat(provider.parameters()).extracting(ParameterSpec::defaultValue).containsExactly(null,
                "yes", "no", "yes", "5", "yes", null, "5", null, "25", "10");
        assertThat(provider.parameters()).filteredOn(ParameterSpec::required).extracting(ParameterSpec::name)
                .containsExactly("hostlist");
        assertThat(provider.parameters()).noneMatch(ParameterSpec::secret);
    }

    @Test
    void createRefusesAnInconsistentConfiguration() {
        assertThatThrownBy(() -> provider.create(TestParameters.resolve("hostlist", "pm02")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'dead_check_target' is required")
                .hasMessageContaining("'standby_check_command' is required");
    }

    @Test
    void createMakesAnAgentForTheHostlist() throws Exception {
        try (var agent = provider.create(TestParameters.resolve("hostlist", "pm02", "dead_check_target", "::1",
                "standby_check_command", "sh -c 'exit 1'"))) {
            assertThat(agent.targets()).containsExactly("pm02");
        }
    }
}
