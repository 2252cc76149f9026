package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FenceCliTest {
    @TempDir
    Path dir;
    Path config;
    Map<String, String> env;

    static String config(Path stateDir, String helperResult, String ipmiResult) {
        return """
                state_dir: %s
                devices:
                  helper-pm02: { agent: scripted, params: { hostlist: pm02, result: %s } }
                  ipmi-pm02:   { agent: scripted, params: { hostlist: pm02, result: %s, power: off, passwd_env: PW } }
                  meat-pm02:   { agent: scripted, params: { hostlist: pm02, result: failure } }
                  ipmi-pm01:   { agent: scripted, params: { hostlist: pm01 } }
                targets:
                  pm02:
                    levels:
                      - { device: helper-pm02, timeout: 40s }
                      - { device: ipmi-pm02,   timeout: 60s }
                      - { device: meat-pm02,   timeout: 600s }
                  pm01:
                    levels: [ { device: ipmi-pm01, timeout: 5s } ]
                """.formatted(stateDir, helperResult, ipmiResult);
    }

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("fence4j.yaml");
        Files.writeString(config, config(dir.resolve("state"), "failure", "success"));
        env = Map.of("PW", "the-secret-pw", "FENCE4J_CONFIG", config.toString());
    }

    @Test
    void resetRunsTheChainPrintsEachLevelAndRecordsHistory() throws Exception {
        CliRun r = CliRun.of(env, "reset", "pm02");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Fencing pm02 (reset) started.\n")
                .contains("Level 1 helper-pm02 (scripted): FAILURE after ")
                .contains("Level 2 ipmi-pm02 (scripted): SUCCESS after ")
                .doesNotContain("meat-pm02")
                .containsPattern("Fencing pm02 succeeded by level 2 \\(scripted\\) in \\d+\\.\\d s\\.\n$");
        JsonNode entry = new ObjectMapper().readTree(Files.readString(dir.resolve("state/history.jsonl")));
        assertThat(entry.get("target").asText()).isEqualTo("pm02");
        assertThat(entry.get("action").asText()).isEqualTo("reset");
        assertThat(entry.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(entry.get("level").asInt()).isEqualTo(2);
        assertThat(entry.get("device").asText()).isEqualTo("ipmi-pm02");
        assertThat(entry.get("requester").asText()).isNotBlank();
        assertThat(entry.get("levels")).hasSize(2);

        CliRun show = CliRun.of(env, "show");
        assertThat(show.out()).contains("Fencing chain for pm02:", "1 helper-pm02", "2 ipmi-pm02", "3 meat-pm02",
                "last request: reset SUCCESS by level 2 (ipmi-pm02)", "Fencing chain for pm01:",
                "last request: none recorded");
        CliRun history = CliRun.of(env, "history", "pm02");
        assertThat(history.out()).contains("pm02  reset SUCCESS by level 2 (ipmi-pm02)",
                "level 1 helper-pm02 (scripted): FAILURE");
    }

    @Test
    void everyLevelFailingExitsOne() throws Exception {
        Files.writeString(config, config(dir.resolve("state"), "failure", "failure"));
        CliRun r = CliRun.of(env, "off", "pm02");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("Level 3 meat-pm02 (scripted): FAILURE")
                .contains("Fencing pm02 (off) failed: all 3 levels failed in ");
    }

    @Test
    void jsonIsOneDocument() throws Exception {
        CliRun r = CliRun.of(env, "reset", "pm02", "--json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(doc.get("levels").get(0).get("reason").asText()).isEqualTo("pm02 is still alive.");
    }

    @Test
    void statusReadsThePowerFromTheFirstLevelThatKnows() {
        CliRun r = CliRun.of(env, "status", "pm02");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("pm02 is powered on (read by level 1, scripted).");
    }

    @Test
    void configurationErrorsExitTwoAndNameFileAndLine() throws Exception {
        Files.writeString(config, config(dir.resolve("state"), "maybe", "success"));
        CliRun r = CliRun.of(env, "reset", "pm02");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("fence-cli: " + config + ":3: devices.helper-pm02.params: result: expected one of"
                + " success, failure, hang, got 'maybe'");
        assertThat(CliRun.of(env, "validate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unknownTargetAndBadUsageExitTwo() {
        CliRun unknown = CliRun.of(env, "reset", "pm09");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no target 'pm09'; configured targets: pm01, pm02");
        CliRun missing = CliRun.of(env, "reset");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Missing required parameter: 'TARGET'");
        assertThat(CliRun.of(env, "reset", "pm02", "--timeout", "soon").err())
                .contains("expected a duration such as 40s, 2m, 500ms or 1h, got 'soon'");
        assertThat(CliRun.of(env).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun r = CliRun.of(env, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("reset", "off", "on", "status", "list", "show", "history", "metadata", "validate",
                "Exit codes:", "0   success", "1   failure", "2   usage or configuration error", "FENCE4J_CONFIG");
    }

    @Test
    void listValidateAndMetadata() {
        assertThat(CliRun.of(env, "list").out())
                .isEqualTo("pm01: ipmi-pm01 (scripted)\npm02: helper-pm02 (scripted) -> ipmi-pm02 (scripted) -> meat-pm02 (scripted)\n");
        assertThat(CliRun.of(env, "validate").out()).isEqualTo(config + " is valid: 2 targets, 4 devices.\n");
        CliRun meta = CliRun.of(env, "metadata", "scripted");
        assertThat(meta.out()).contains("scripted: Scripted test device for fence4j's tests", "hostlist  (string, required)",
                "result  (select success|failure|hang, default success)", "passwd_file: PATH");
        CliRun unknown = CliRun.of(env, "metadata", "nonesuch");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown agent type 'nonesuch'; installed agent types: chain, scripted");
    }
}
