package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.testing.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped configurations are valid with the real agents. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("src/dist/examples");

    @TempDir
    Path dir;

    @Test
    void theSeedClusterHasThreeLevelsPerNode() throws Exception {
        // what only a cluster node has: crm_resource and the password files
        String yaml = Files.readString(EXAMPLES.resolve("fence4j.yaml"));
        for (String node : new String[] {"pm01", "pm02"}) {
            Path passwd = dir.resolve(node + ".passwd");
            SecretFiles.write(passwd, "secret\n");
            yaml = yaml.replace("/etc/fence4j/" + node + ".passwd", passwd.toString());
        }
        yaml = yaml.replace("/usr/sbin/crm_resource", "/bin/echo");
        Path file = dir.resolve("fence4j.yaml");
        Files.writeString(file, yaml);

        FenceConfig config = new ConfigLoader(AgentRegistry.load(), k -> null).load(file);
        config.validate(Deadline.after(Duration.ofSeconds(30))); // what fence-cli validate does

        for (String node : new String[] {"pm01", "pm02"}) {
            assertThat(config.target(node).orElseThrow().levels()).extracting(l -> l.device().agentType())
                    .containsExactly("helper", "ipmi", "meatware");
        }
    }

    @Test
    void theDemoFencesPm02ThroughHelperIpmiAndMeatware() throws Exception {
        assertThat(demoLevels("demo.yaml")).containsExactly("helper", "ipmi", "meatware");
    }

    @Test
    void theRedfishDemoFencesPm02ThroughHelperRedfishIpmiAndMeatware() throws Exception {
        assertThat(demoLevels("demo-redfish.yaml")).containsExactly("helper", "redfish", "ipmi", "meatware");
    }

    /** The agent types of pm02's levels in a demo configuration, once it validated with fence-demo's password. */
    private static List<String> demoLevels(String file) throws Exception {
        FenceConfig config = new ConfigLoader(AgentRegistry.load(), Map.of("FENCE4J_BMC_PASSWORD", "x")::get)
                .load(EXAMPLES.resolve(file));
        config.validate(Deadline.after(Duration.ofSeconds(30)));
        return config.target("pm02").orElseThrow().levels().stream().map(l -> l.device().agentType()).toList();
    }
}
