package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fence-cli of the distribution as an operator uses it: bash completion, and powering a node on. */
class FenceCliOperatorIT {
    private static final int PORT = 10520;

    @TempDir
    Path dir;

    @BeforeEach
    void built() {
        Dist.assumeBuilt();
    }

    /** What bash offers for the last word (often ""), with the completion script the package installs. */
    private List<String> complete(String... words) {
        String line = String.join(" ", words);
        String quoted = String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
        String script = "source " + Dist.HOME.resolve("share/fence-cli.bash") + " 2>/dev/null\n"
                + "COMP_LINE='" + line + "'; COMP_WORDS=(" + quoted + "); COMP_CWORD=" + (words.length - 1) + "\n"
                + "_complete_fence-cli 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        ChildProcess.Result r = ChildProcess.run(List.of("bash", "-c", script),
                Dist.withJava(Map.of("PATH", Dist.HOME.resolve("bin") + ":/usr/bin:/bin")), "", Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r.stdout().lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void bashCompletesTargetNamesFromTheConfiguration() throws Exception {
        Path config = dir.resolve("cluster.yaml");
        // the seed cluster's password files do not exist here: completion must not need them
        Files.writeString(config, Files.readString(Dist.HOME.resolve("examples/fence4j.yaml")).replace("pm01", "node-a")
                .replace("pm02", "node-b"));

        assertThat(complete("fence-cli", "--config", config.toString(), "reset", "")).containsExactly("node-a", "node-b");
        assertThat(complete("fence-cli", "status", "--config", config.toString(), "")).containsExactly("node-a", "node-b");
        assertThat(complete("fence-cli", "--config", Dist.HOME.resolve("examples/demo.yaml").toString(), "on", "n"))
                .isEmpty(); // no target starts with n
        assertThat(complete("fence-cli", "--config", Dist.HOME.resolve("examples/demo.yaml").toString(), "on", "p"))
                .containsExactly("pm02");
        assertThat(complete("fence-cli", "--config", config.toString(), "metadata", "")).doesNotContain("node-a");
        assertThat(complete("fence-cli", "re")).containsExactly("reset", "redfish-fingerprint");
        assertThat(complete("fence-cli", "res")).containsExactly("reset");
    }

    @Test
    void onPowersTheNodeUpSkippingTheLevelsThatCannot() throws Exception {
        SimulatedBmcFixture.assumeIpmitool();
        try (SimulatedBmcFixture bmc = new SimulatedBmcFixture(PORT)) {
            bmc.bmc.setPower(false);
            Path config = Files.writeString(dir.resolve("demo.yaml"), Files.readString(
                    Dist.HOME.resolve("examples/demo.yaml")).replace("ipport: 9623", "ipport: " + PORT));
            ChildProcess.Result r = Dist.run(Dist.HOME.resolve("bin/fence-cli"), Map.of("FENCE4J_BMC_PASSWORD",
                    bmc.password, "FENCE4J_STATE_DIR", dir.resolve("state").toString()), "", "--config",
                    config.toString(), "on", "pm02");

            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.stdout()).startsWith("Powering pm02 on started.\n")
                    .contains("Level 1 helper-pm02 (helper): skipped: helper cannot power a node on\n",
                            "Level 2 ipmi-pm02 (ipmi): SUCCESS after ")
                    .containsPattern("Powering pm02 on succeeded by level 2 \\(ipmi\\) in \\d+(\\.\\d)? m?s\\.\n$")
                    .doesNotContain("Fencing", "FAILURE");
            assertThat(bmc.powerByIpmitool()).isEqualTo("on");
            assertThat(Files.readString(dir.resolve("state/history.jsonl")))
                    .contains("\"outcome\":\"SKIPPED\"").doesNotContain("\"outcome\":\"FAILURE\"");
        }
    }
}
