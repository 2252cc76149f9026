package org.fence4j.agents.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.testing.Nobody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    static final String VALID = """
            # the seed cluster, with the toy test agent
            state_dir: /var/lib/f4j
            devices:
              helper-pm02:
                agent: toy
                params:
                  hostlist: pm02
                  mode: fail
                  state_dir: /var/tmp/toy
                  passwd_env: TOY_PW
              ipmi-pm02:
                agent: toy
                params: { hostlist: pm02, passwd_env: PM02_PW, wait_ms: 9623, state_dir: /var/tmp/toy }
              meatware-pm02:
                agent: toy
                params: { hostlist: pm02, state_dir: /var/tmp/toy, passwd_env: TOY_PW }
            targets:
              pm02:
                levels:
                  - { device: helper-pm02,   timeout: 40s }
                  - { device: ipmi-pm02,     timeout: 60s }
                  - { device: meatware-pm02 }
            """;

    FenceConfig load(String yaml, String perms) throws Exception {
        Path file = dir.resolve("fence4j.yaml");
        Files.writeString(file, yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return new ConfigLoader(AgentRegistry.load(), Map.of("PM02_PW", "pw-from-env", "TOY_PW", "toy-pw")::get).load(file);
    }

    String problem(String yaml) {
        return assertThatThrownBy(() -> load(yaml, "rw-r--r--")).isInstanceOf(ConfigException.class)
                .actual().getMessage();
    }

    @Test
    void readsTheReferenceShape() throws Exception {
        FenceConfig c = load(VALID, "rw-r--r--");
        assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/f4j"));
        FenceConfig.Target t = c.target("pm02").orElseThrow();
        assertThat(t.levels()).extracting(l -> l.device().name()).containsExactly("helper-pm02", "ipmi-pm02", "meatware-pm02");
        assertThat(t.levels()).extracting(FenceConfig.Level::timeout)
                .containsExactly(Duration.ofSeconds(40), Duration.ofSeconds(60), ConfigLoader.DEFAULT_LEVEL_TIMEOUT);
        assertThat(c.devices().get("ipmi-pm02").parameters().withSecrets(Deadline.after(Duration.ofSeconds(5)))
                .secret("passwd").orElseThrow().bytes()).isEqualTo("pw-from-env".getBytes());
        assertThat(c.devices().get("ipmi-pm02").parameters().withoutSecrets().integer("wait_ms")).isEqualTo(9623);
    }

    /** Each case: a replacement in VALID, and the exact problem (after the file name). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key   | state_dir: /var/lib/f4j | colour: red | :2: colour: unknown key; expected one of: devices, targets, state_dir
            unknown device key      | agent: toy\\n    params:\\n      hostlist: pm02\\n      mode | agent: toy\\n    prams:\\n      hostlist: pm02\\n      mode | :6: devices.helper-pm02.prams: unknown key (did you mean 'params'?); expected one of: agent, params
            unknown agent type      | helper-pm02:\\n    agent: toy | helper-pm02:\\n    agent: stonith-helper | :5: devices.helper-pm02.agent: unknown agent type 'stonith-helper'; installed agent types:
            missing required param  | params: { hostlist: pm02, state_dir | params: { state_dir | :16: devices.meatware-pm02.params: missing required parameter 'hostlist' (also accepted as hosts): Hosts this device fences
            wrong type              | wait_ms: 9623 | wait_ms: many | :13: devices.ipmi-pm02.params: wait_ms: expected a whole number, got 'many'
            unknown param           | mode: fail | mde: fail | :8: devices.helper-pm02.params: unknown parameter 'mde' (did you mean 'mode'?); expected one of: hostlist, state_dir, passwd, passwd_file, passwd_env, passwd_script, wait_ms, mode
            misspelt secret form    | passwd_env: TOY_PW | passwd_flie: /etc/pw | :10: devices.helper-pm02.params: unknown parameter 'passwd_flie' (did you mean 'passwd_file'?); expected one of: hostlist, state_dir, passwd, passwd_file, passwd_env, passwd_script, wait_ms, mode
            duplicate target        | pm02:\\n    levels: | pm02:\\n    levels: []\\n  pm02:\\n    levels: | :20: pm02: given twice (first on line 18); expected each key once
            empty chain             | levels:\\n      - { device: helper-pm02,   timeout: 40s }\\n      - { device: ipmi-pm02,     timeout: 60s }\\n      - { device: meatware-pm02 } | levels: [] | :19: targets.pm02.levels: the chain is empty; expected at least one level
            unknown device in level | - { device: meatware-pm02 } | - { device: meatware-pm03 } | :22: targets.pm02.levels[3].device: no device named 'meatware-pm03'; expected one of: helper-pm02, ipmi-pm02, meatware-pm02
            bad timeout             | timeout: 40s | timeout: 40 | :20: targets.pm02.levels[1].timeout: expected a duration such as 40s, 2m, 500ms or 1h (more than zero), got '40'
            level is not a mapping  | - { device: meatware-pm02 } | - meatware-pm02 | :22: targets.pm02.levels[3]: expected a mapping with 'device' and 'timeout'
            devices not a mapping   | devices: | devices: []\\nold_devices: | :3: devices: expected a mapping of device names to devices
            bad target name         | pm02:\\n    levels: | pm/02:\\n    levels: | :18: targets.pm/02: 'pm/02' is not a node name; expected letters, digits, '.', '_' or '-'
            YAML syntax             | mode: fail | mode: [fail | :8: not valid YAML (while parsing a flow sequence: expected ',' or ']', but got : on line 9)
            YAML key without colon  | helper-pm02:\\n    agent | helper-pm02\\n    agent | :4: not valid YAML (a ':' missing after the key on this line: mapping values are not allowed here on line 5)
            YAML key indented less  | '      mode: fail' | '     mode: fail' | :8: not valid YAML (indented unlike the lines above it: while parsing a block mapping on line 5: expected <block end>, but found '<block mapping start>')
            """)
    void namesFileLineKeyAndExpectation(String name, String from, String to, String expected) {
        String yaml = VALID.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(yaml).as("test case applies").isNotEqualTo(VALID);
        assertThat(problem(yaml)).contains(dir.resolve("fence4j.yaml") + expected);
    }

    @Test
    void secretsAreReadOnlyWhenADeviceIsUsedAndEachProblemNamesFileLineAndKey() throws Exception {
        Path ran = dir.resolve("script-ran");
        String yaml = VALID.replace("passwd_env: PM02_PW", "passwd_env: PM03_PW")
                .replace("      passwd_env: TOY_PW", "      passwd_script: touch " + ran + "; echo toy-pw");
        FenceConfig c = load(yaml, "rw-r--r--"); // nothing read yet: no problem, the script never ran
        assertThat(ran).doesNotExist();
        assertThat(c.devices().get("ipmi-pm02").parameters().toString()).contains("passwd=******");

        Deadline deadline = Deadline.after(Duration.ofSeconds(20));
        assertThatThrownBy(() -> c.devices().get("ipmi-pm02").open(deadline)).isInstanceOf(ParameterException.class)
                .hasMessage(dir.resolve("fence4j.yaml") + ":13: devices.ipmi-pm02.params: passwd_env: environment"
                        + " variable 'PM03_PW' is not set; expected it to hold the passwd");
        assertThat(ran).doesNotExist();
        c.devices().get("meatware-pm02").open(deadline).close(); // another device is usable all the same

        assertThatThrownBy(() -> c.validate(deadline)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().asString()
                        .contains(":13: devices.ipmi-pm02.params: passwd_env: environment variable 'PM03_PW'"));
        assertThat(ran).exists(); // validate read every secret
    }

    @Test
    void validateNamesALevelWhoseDeviceFencesOtherNodesOnly() throws Exception {
        // a fence of pm02 through a device of pm01 and pm03 would fail at that level every time
        String yaml = VALID.replace("{ hostlist: pm02, passwd_env: PM02_PW", "{ hostlist: 'pm01,pm03', passwd_env: PM02_PW")
                .replace("state_dir: /var/lib/f4j", "state_dir: " + dir.resolve("state"));
        assertThat(yaml).isNotEqualTo(VALID);
        FenceConfig c = load(yaml, "rw-r--r--");
        assertThatThrownBy(() -> c.validate(Deadline.after(Duration.ofSeconds(20)))).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly("target pm02, level 2:"
                        + " device ipmi-pm02 fences only pm01, pm03, so every fence of pm02 would fail at this level;"
                        + " name pm02 in the device's hostname (or hostlist), or give the level the device that fences"
                        + " pm02"));
        // the same device, the node in another case: agents compare node names without case
        load(yaml.replace("'pm01,pm03'", "'pm01,PM02'"), "rw-r--r--").validate(Deadline.after(Duration.ofSeconds(20)));
    }

    @Test
    void anAgentsOwnProblemIsNamedWithTheDevicesFileAndLineWhenItIsOpened() throws Exception {
        FenceConfig c = load(VALID.replace("{ hostlist: pm02, passwd_env", "{ hostlist: ',', passwd_env"), "rw-r--r--");
        assertThatThrownBy(() -> c.devices().get("ipmi-pm02").open(Deadline.after(Duration.ofSeconds(5))))
                .hasMessage(dir.resolve("fence4j.yaml") + ":13: devices.ipmi-pm02.params: hostlist: expected at least"
                        + " one host name");
    }

    @Test
    void aBrokenDeviceIsReportedOnceNotAgainByTheLevelsUsingIt() {
        String yaml = VALID.replace("wait_ms: 9623", "wait_ms: soon");
        assertThat(yaml).isNotEqualTo(VALID);
        assertThatThrownBy(() -> load(yaml, "rw-r--r--")).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().asString()
                        .contains("wait_ms: expected a whole number, got 'soon'"));
    }

    @Test
    void inlineSecretNeedsAPrivateFileAndIsNeverEchoed() throws Exception {
        String inline = VALID.replace("passwd_env: PM02_PW", "passwd: inline-secret-value");
        assertThatThrownBy(() -> load(inline, "rw-r--r--")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("fence4j.yaml") + ":13: devices.ipmi-pm02.params.passwd: a secret"
                        + " written inline needs a configuration file that group and others cannot read")
                .hasMessageNotContaining("inline-secret-value");
        FenceConfig c = load(inline, "rw-------");
        assertThat(c.devices().get("ipmi-pm02").parameters().withSecrets(Deadline.after(Duration.ofSeconds(5)))
                .secret("passwd").orElseThrow().bytes()).isEqualTo("inline-secret-value".getBytes());
    }

    @Test
    void aConfigurationAnotherUserCouldChangeIsRefused() throws Exception {
        // whoever could write it would choose the BMC that "fences" a node, and the outcome with it
        assertThatThrownBy(() -> load(VALID, "rw-rw-r--")).isInstanceOf(ConfigException.class)
                .hasMessage("configuration " + dir.resolve("fence4j.yaml") + " is writable by group or others (mode"
                        + " 0664); expected only its owner to write it: chmod go-w " + dir.resolve("fence4j.yaml"));
        Nobody.assumeRoot();
        load(VALID, "rw-r--r--");
        Nobody.own(dir.resolve("fence4j.yaml"));
        assertThatThrownBy(() -> new ConfigLoader(AgentRegistry.load(), Map.of("PM02_PW", "pw", "TOY_PW", "pw")::get)
                .load(dir.resolve("fence4j.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is owned by nobody (uid 65534); expected root, the user fencing runs as");
    }

    @Test
    void aSyntaxErrorInASecretDoesNotQuoteIt() throws Exception {
        // a password that starts with '*' is a YAML alias; escapes and hex sequences are checked in quotes
        for (String value : List.of("*s3cr3tPW", "\"s3cr3tPW\\uZZZZ\"", "\"s3cr3tPW\\q\"", "!s3cr3tPW! x")) {
            String inline = VALID.replace("passwd_env: PM02_PW", "passwd: " + value);
            assertThatThrownBy(() -> load(inline, "rw-------")).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("not valid YAML").hasMessageNotContaining("s3cr3tPW")
                    .hasMessageNotContaining("ZZZZ").hasMessageNotContaining("q(");
        }
    }

    @Test
    void nestingTooDeepIsALineNotAStackOverflow() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertThat(problem(deep)).isEqualTo(dir.resolve("fence4j.yaml") + ":1: not valid YAML (nested deeper than "
                + YamlNode.MOST_DEPTH + " levels)");
    }

    @Test
    void aFileThatIsNotUtf8OrNotAFileIsSaidSo() throws Exception {
        Path file = dir.resolve("fence4j.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        ConfigLoader loader = new ConfigLoader(AgentRegistry.load(), Map.<String, String>of()::get);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": not UTF-8 text; expected a YAML file in UTF-8");
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir + ": not a regular file (a directory, device or FIFO); expected a YAML"
                        + " file");
    }

    @Test
    void syntaxErrorsDoNotQuoteTheFile() {
        String broken = VALID.replace("passwd_env: PM02_PW", "passwd: \"unterminated-secret");
        assertThat(problem(broken)).contains("not valid YAML").doesNotContain("unterminated-secret");
    }

    /** YAML's own ways of writing things: anchors and aliases, quotes, block scalars, null, documents. */
    @Test
    void yamlFormsReadAsWritten() throws Exception {
        String forms = VALID.replace("params: { hostlist: pm02, passwd_env: PM02_PW, wait_ms: 9623, state_dir: /var/tmp/toy }",
                        "params: &ipmi { hostlist: 'pm02', passwd_env: \"PM02_PW\", wait_ms: 9623, state_dir: /var/tmp/toy }")
                .replace("params: { hostlist: pm02, state_dir: /var/tmp/toy, passwd_env: TOY_PW }", "params: *ipmi")
                + "---\nignored: [ second document\n";
        assertThat(forms).contains("*ipmi");
        FenceConfig c = load(forms, "rw-r--r--");
        assertThat(c.devices().get("meatware-pm02").parameters().toString())
                .isEqualTo(c.devices().get("ipmi-pm02").parameters().toString()).contains("9623");
        assertThat(problem(VALID.replace("state_dir: /var/lib/f4j", "state_dir: ~"))).contains(":2: state_dir:");
    }

    @Test
    void yamlThatParsesButCannotBeAConfigurationNamesItsLine() {
        assertThat(problem(VALID.replace("mode: fail", "mode: *nowhere")))
                .contains(":8: not valid YAML (an alias (*) with no anchor (&) before it; quote a value that starts"
                        + " with '*')");
        assertThat(problem(VALID.replace("mode: fail", "? [a, b]\n      : fail")))
                .contains(":8: not valid YAML (a key that is not text)");
        assertThat(problem(VALID.replace("  helper-pm02:", "\thelper-pm02:")))
                .contains(":4: not valid YAML (found character", "that cannot start any token", "for indentation");
    }

    @Test
    void missingAndEmptyFilesAreNamed() throws Exception {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new ConfigLoader(AgentRegistry.load(), k -> null).load(missing))
                .hasMessage(missing + ": no such configuration file; expected a YAML file (given by --config,"
                        + " FENCE4J_CONFIG or at /etc/fence4j/fence4j.yaml)");
        assertThat(problem("")).contains("the configuration is empty");
        assertThat(problem("- a\n- b\n")).contains(":1: (top level): expected a mapping with 'devices' and 'targets'");
    }

    @Test
    void unreadableFileIsNamed() throws Exception {
        Path file = dir.resolve("fence4j.yaml");
        Files.writeString(file, VALID);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "root reads everything");
        assertThatThrownBy(() -> new ConfigLoader(AgentRegistry.load(), k -> null).load(file))
                .hasMessageContaining(file + ": cannot read the configuration");
    }

    @Test
    void locatesTheFile() {
        assertThat(ConfigLoader.locate(Path.of("/x.yaml"), k -> "/env.yaml")).isEqualTo(Path.of("/x.yaml"));
        assertThat(ConfigLoader.locate(null, Map.of("FENCE4J_CONFIG", "/env.yaml")::get)).isEqualTo(Path.of("/env.yaml"));
        assertThat(ConfigLoader.locate(null, k -> null)).isEqualTo(ConfigLoader.DEFAULT_PATH);
    }
}
