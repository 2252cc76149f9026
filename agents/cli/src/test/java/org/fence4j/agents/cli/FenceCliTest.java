package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FenceCliTest {
    @TempDir
    Path dir;
    Path config;
    Path toys;
    Map<String, String> env;

    /** Each device has its own toy state directory under {@code toys}, so each reads back its own power. */
    static String config(Path stateDir, Path toys, String helperMode, String ipmiMode) {
        return """
                state_dir: %1$s
                devices:
                  helper-pm02: { agent: toy, params: { hostlist: pm02, mode: %3$s, state_dir: %2$s/helper, passwd_env: PW } }
                  ipmi-pm02:   { agent: toy, params: { hostlist: pm02, mode: %4$s, state_dir: %2$s/ipmi, passwd_env: PW } }
                  meat-pm02:   { agent: toy, params: { hostlist: pm02, mode: fail, state_dir: %2$s/meat, passwd_env: PW } }
                  ipmi-pm01:   { agent: toy, params: { hostlist: pm01, state_dir: %2$s/ipmi, passwd_env: PW } }
                targets:
                  pm02:
                    levels:
                      - { device: helper-pm02, timeout: 40s }
                      - { device: ipmi-pm02,   timeout: 60s }
                      - { device: meat-pm02,   timeout: 600s }
                  pm01:
                    levels: [ { device: ipmi-pm01, timeout: 5s } ]
                """.formatted(stateDir, toys, helperMode, ipmiMode);
    }

    void writeConfig(String helperMode, String ipmiMode) throws Exception {
        Files.writeString(config, config(dir.resolve("state"), toys, helperMode, ipmiMode));
    }

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("fence4j.yaml");
        toys = dir.resolve("toys");
        for (String device : List.of("helper", "ipmi", "meat")) {
            Files.createDirectories(toys.resolve(device));
        }
        writeConfig("fail", "normal");
        env = Map.of("PW", ToyAgentProvider.PASSWORD, "FENCE4J_CONFIG", config.toString());
    }

    @Test
    void resetRunsTheChainPrintsEachLevelAndRecordsHistory() throws Exception {
        CliRun r = CliRun.of(env, "reset", "pm02");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("Fencing pm02 (reset) started.\n")
                .contains("Level 1 helper-pm02 (toy): FAILURE after ")
                .contains("Level 2 ipmi-pm02 (toy): SUCCESS after ")
                .doesNotContain("meat-pm02")
                .containsPattern("Fencing pm02 succeeded by level 2 \\(toy\\) in \\d+(\\.\\d)? m?s\\.\n$");
        JsonNode entry = new ObjectMapper().readTree(Files.readString(dir.resolve("state/history.jsonl")));
        assertThat(entry.get("target").asText()).isEqualTo("pm02");
        assertThat(entry.get("action").asText()).isEqualTo("reset");
        assertThat(entry.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(entry.get("level").asInt()).isEqualTo(2);
        assertThat(entry.get("device").asText()).isEqualTo("ipmi-pm02");
        assertThat(entry.get("requester").asText()).isNotBlank();
        assertThat(entry.get("levels")).hasSize(2);

        CliRun show = CliRun.of(env, "show");
        assertThat(show.out()).contains("* pm02, last fence ", ": reset SUCCESS by level 2 (ipmi-pm02) in ",
                "1 helper-pm02", "2 ipmi-pm02", "3 meat-pm02", "* pm01, no fence recorded");
        CliRun history = CliRun.of(env, "history", "pm02");
        assertThat(history.out()).contains("pm02  reset SUCCESS by level 2 (ipmi-pm02)",
                "level 1 helper-pm02 (toy): FAILURE");
    }

    @Test
    void everyLevelFailingExitsOne() throws Exception {
        writeConfig("fail", "fail");
        CliRun r = CliRun.of(env, "off", "pm02");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("Level 3 meat-pm02 (toy): FAILURE")
                .contains("Fencing pm02 (off) failed: all 3 levels failed in ");
    }

    @Test
    void jsonIsOneDocument() throws Exception {
        CliRun r = CliRun.of(env, "reset", "pm02", "--json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(doc.get("levels").get(0).get("reason").asText()).isEqualTo("toy device refused reset (mode=fail)");
    }

    /** A reset's "power":"OFF" for a node that is on again: the help says what power and proof mean. */
    @Test
    void helpSaysWhatPowerAndProofMean() throws Exception {
        JsonNode reset = new ObjectMapper().readTree(CliRun.of(env, "--json", "reset", "pm02").out());
        assertThat(reset.get("power").asText() + " " + reset.get("proof").asText()).isEqualTo("OFF POWER_READ_OFF");
        assertThat(CliRun.of(env, "reset", "--help").out().replaceAll("\\s+", " "))
                .contains("'power' is the power last read", "after a reset, OFF as read during it",
                        "'proof' what the success rests on");
    }

    @Test
    void statusReadsThePowerFromTheFirstLevelThatKnows() throws Exception {
        writeConfig("normal", "normal");
        new ToyDevice(toys.resolve("ipmi")).setPower("pm02", PowerState.OFF); // level 2 would say off
        CliRun r = CliRun.of(env, "status", "pm02");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("pm02 is powered on (read by level 1, toy).");
    }

    /** The helper and meatware answer a status without reading the power: no SUCCESS for them. */
    @Test
    void statusSaysWhichLevelsCannotReadThePower() throws Exception {
        writeConfig("normal", "normal");
        new ToyDevice(toys.resolve("helper")).setPower("pm02", PowerState.UNKNOWN); // answers, reads nothing
        CliRun r = CliRun.of(env, "status", "pm02");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Level 1 helper-pm02 (toy): NO POWER READING after ",
                "Level 2 ipmi-pm02 (toy): SUCCESS after ", "pm02 is powered on (read by level 2, toy).");
        JsonNode levels = new ObjectMapper().readTree(CliRun.of(env, "status", "pm02", "--json").out()).get("levels");
        assertThat(levels).extracting(l -> l.get("outcome").asText() + " " + l.get("power").asText())
                .containsExactly("SUCCESS UNKNOWN", "SUCCESS ON", "FAILURE UNKNOWN"); // meat-pm02 fails
    }

    @Test
    void statusWithoutTargetPrintsALinePerTargetAndSucceedsWhenEveryPowerWasRead() throws Exception {
        new ToyDevice(toys.resolve("ipmi")).setPower("pm01", PowerState.OFF);
        CliRun r = CliRun.of(env, "status");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("pm01 is powered off (read by level 1, toy).",
                "pm02 is powered on (read by level 2, toy).");
    }

    @Test
    void statusWithoutTargetFailsWhenOneTargetsPowerIsUnknownAndSaysWhy() throws Exception {
        writeConfig("fail", "fail");
        CliRun r = CliRun.of(env, "status", "--parallel", "1");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out().lines()).containsExactly("pm01 is powered on (read by level 1, toy).",
                "The power state of pm02 is unknown: no level could read it."
                        + " Level 1 helper-pm02 (toy): FAILURE: toy device refused status (mode=fail);"
                        + " Level 2 ipmi-pm02 (toy): FAILURE: toy device refused status (mode=fail);"
                        + " Level 3 meat-pm02 (toy): FAILURE: toy device refused status (mode=fail)");
    }

    @Test
    void statusWithoutTargetAsJsonIsOneDocumentWithEveryTarget() throws Exception {
        CliRun r = CliRun.of(env, "--json", "status");
        assertThat(r.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.isArray()).isTrue();
        assertThat(doc).extracting(t -> t.get("target").asText()).containsExactly("pm01", "pm02");
        assertThat(doc.get(1).get("levels")).hasSize(3);
        assertThat(doc.get(1).get("power").asText()).isEqualTo("ON");
    }

    @Test
    void statusParallelOutOfRangeIsAUsageError() {
        CliRun r = CliRun.of(env, "status", "--parallel", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--parallel: expected a whole number from 1 to 256, got 0");
    }

    @Test
    void configurationErrorsExitTwoAndNameFileAndLine() throws Exception {
        writeConfig("maybe", "normal");
        CliRun r = CliRun.of(env, "reset", "pm02");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("fence-cli: " + config + ":3: devices.helper-pm02.params: mode: expected one of"
                + " normal, fail, hang, got 'maybe'");
        assertThat(CliRun.of(env, "validate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void validateAsJsonOnABrokenFileIsAJsonDocumentOnStdout() throws Exception {
        writeConfig("maybe", "normal");
        CliRun r = CliRun.of(env, "validate", "--json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.fieldNames()).toIterable().containsExactly("config", "valid", "problems");
        assertThat(doc.get("config").asText()).isEqualTo(config.toString());
        assertThat(doc.get("valid").asBoolean()).isFalse();
        assertThat(doc.get("problems")).extracting(JsonNode::asText).containsExactly(config + ":3:"
                + " devices.helper-pm02.params: mode: expected one of normal, fail, hang, got 'maybe'");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anotherDevicesMissingOrSlowSecretDoesNotConcernTheRequest() throws Exception {
        Path missing = dir.resolve("pm01.passwd");
        Files.writeString(config, Files.readString(config).replaceFirst("(ipmi-pm01: .*)passwd_env: PW",
                "$1passwd_file: " + missing));
        assertThat(Files.readString(config)).contains("passwd_file: " + missing);
        CliRun reset = CliRun.of(env, "reset", "pm02");
        assertThat(reset.exitCode()).as(reset.err()).isZero();

        CliRun validate = CliRun.of(env, "validate");
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(validate.err()).isEqualTo("fence-cli: " + config + ":6: devices.ipmi-pm01.params: passwd_file: cannot"
                + " read the secret file '" + missing + "': there is no such file; expected a regular file whose first"
                + " line is the passwd\n");
        CliRun status = CliRun.of(env, "status", "pm01"); // the device in use: its problem is the level's reason
        assertThat(status.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(status.out()).contains("cannot use ipmi-pm01: " + config + ":6: devices.ipmi-pm01.params:"
                + " passwd_file: cannot read the secret file '" + missing + "'");

        Path ran = dir.resolve("script-ran");
        Files.writeString(config, Files.readString(config).replace("passwd_file: " + missing,
                "passwd_script: touch " + ran + "; sleep 30"));
        assertThat(CliRun.of(env, "reset", "pm02").exitCode()).isZero();
        assertThat(ran).as("pm01's script never runs for pm02").doesNotExist();
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

    /** A run builds only its own command; a mistake in fence-cli's options still shows every command. */
    @Test
    void aMistakeInFenceClisOwnOptionsShowsEveryCommand() {
        CliRun r = CliRun.of(env, "--timeout", "0s", "status", "pm02");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Invalid value for option '--timeout'").contains("Usage: fence-cli [")
                .contains("Commands:", "  reset ", "  status ", "  validate ", "  help ");
    }

    /** --version (for which a run builds no command) prints the version; --help still lists every command. */
    @Test
    void versionAndHelpAnswer() {
        for (String flag : new String[] {"--version", "-V"}) {
            CliRun r = CliRun.of(env, flag);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("fence-cli (fence4j) ");
        }
        CliRun help = CliRun.of(env, "--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Commands:", "  reset ", "  status ", "  validate ", "  help ");
    }

    @Test
    void anUnusableStateDirectoryIsNamedWithoutAStackTrace() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Files.writeString(config, config(notADirectory.resolve("state"), toys, "fail", "normal"));
        // the fence does not depend on it (StateFilesTest reads the error line); validate names it
        assertThat(CliRun.of(env, "reset", "pm02").exitCode()).isEqualTo(ExitCodes.SUCCESS);
        CliRun r = CliRun.of(env, "validate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("fence-cli: state_dir: state directory " + notADirectory.resolve("state")
                + " cannot be created: " + notADirectory + " is not a directory; fencing would go on without a"
                + " history\n");
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
        assertThat(CliRun.of(env, "list").out()) // the file's order
                .isEqualTo("pm02: helper-pm02 (toy) -> ipmi-pm02 (toy) -> meat-pm02 (toy)\npm01: ipmi-pm01 (toy)\n");
        assertThat(CliRun.of(env, "validate").out()).isEqualTo(config + " is valid: 2 targets, 4 devices.\n");
        CliRun meta = CliRun.of(env, "metadata", "toy");
        assertThat(meta.out()).contains("toy: Toy fencing device for tests", "hostlist  (string, required",
                "mode  (select normal|fail|hang, default normal)", "secret: give passwd_file, passwd_env or passwd_script");
        CliRun unknown = CliRun.of(env, "metadata", "nonesuch");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown agent type 'nonesuch'; installed agent types: chain, toy");
    }

    @Test
    void everyCommandAnswersHelpWithoutItsArguments() {
        for (String command : List.of("metadata", "reset", "on", "status", "history", "list")) {
            CliRun r = CliRun.of(env, command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: fence-cli " + command);
            assertThat(r.err()).as(command).doesNotContain("Missing required parameter");
        }
    }

    @Test
    void listNamesReadsOnlyTheTargetNamesNotTheSecrets() {
        Map<String, String> noPassword = Map.of("FENCE4J_CONFIG", config.toString());
        // secrets are read only by a request that uses their device: list reads none either
        assertThat(CliRun.of(noPassword, "list").exitCode()).isZero();
        CliRun names = CliRun.of(noPassword, "list", "--names");
        assertThat(names.exitCode()).isZero();
        assertThat(names.out()).isEqualTo("pm02\npm01\n");
    }

    @Test
    void jsonKeepsTheOrderOfTheConfigurationAndOfItsKeys() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode list = json.readTree(CliRun.of(env, "list", "--json").out());
        assertThat(list.fieldNames()).toIterable().containsExactly("pm02", "pm01");
        JsonNode show = json.readTree(CliRun.of(env, "show", "--json").out());
        assertThat(show).extracting(t -> t.get("target").asText()).containsExactly("pm02", "pm01");
        assertThat(show.get(0).get("levels").get(0).fieldNames()).toIterable()
                .containsExactly("level", "device", "agent", "timeout_ms", "last_check");
        assertThat(json.readTree(CliRun.of(env, "validate", "--json").out()).fieldNames()).toIterable()
                .containsExactly("config", "valid", "targets", "devices");
    }

    /** As the fence_* agents' -v: once INFO, twice or more DEBUG; before or after the command, in any spelling. */
    @Test
    void verboseStacks() {
        for (List<String> args : List.of(List.of("-vv", "status", "pm01"), List.of("-v", "status", "pm01", "--verbose"),
                List.of("status", "-v", "pm01", "-v"))) {
            CliRun r = CliRun.of(env, args.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + ": " + r.err()).isZero();
        }
        assertThat(verbosity("status", "pm01")).isZero();
        assertThat(verbosity("-v", "status", "pm01")).isEqualTo(1);
        assertThat(verbosity("-vv", "status", "pm01", "--verbose")).isEqualTo(3);
    }

    private static int verbosity(String... args) {
        picocli.CommandLine cli = FenceCli.commandLine(Terminal.system());
        cli.parseArgs(args);
        return ((FenceCli) cli.getCommand()).global.verbosity();
    }

    /** --timeout and --no-wait concern a request: only the commands that make one show them. */
    @Test
    void helpShowsTheRequestOptionsOnlyWhereTheyApply() {
        for (String command : List.of("history", "show", "list", "metadata")) {
            assertThat(CliRun.of(env, command, "--help").out()).as(command).doesNotContain("--timeout", "--no-wait");
        }
        for (String command : List.of("status", "validate")) {
            assertThat(CliRun.of(env, command, "--help").out()).as(command).contains("--timeout")
                    .doesNotContain("--no-wait");
        }
        for (String command : List.of("reset", "off", "on")) {
            assertThat(CliRun.of(env, command, "--help").out()).as(command).contains("--timeout", "--no-wait");
        }
        assertThat(CliRun.of(env, "list", "--timeout", "5s").err()).contains("Unknown options: '--timeout', '5s'");
    }

    /** The README lists --no-wait among the global options: before the command as after it. */
    @Test
    void noWaitIsAcceptedBeforeTheCommandToo() {
        CliRun r = CliRun.of(env, "--no-wait", "reset", "pm02");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Fencing pm02 succeeded by level 2");
    }

    @Test
    void onSaysPoweringNotFencing() throws Exception {
        writeConfig("normal", "normal");
        CliRun r = CliRun.of(env, "on", "pm02");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("Powering pm02 on started.\n").contains("Powering pm02 on succeeded by level 1")
                .doesNotContain("Fencing");
    }
}
