package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fence4j.agents.testing.XmlDocuments.child;
import static org.fence4j.agents.testing.XmlDocuments.children;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.XmlDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * fence_fence4j_ipmi as a drop-in for fence-agents' fence_ipmilan: driven with every parameter of
 * {@code fence_ipmilan -o metadata} and every short option of its {@code --help}, on stdin and on the
 * command line, it accepts what fence_ipmilan accepts, except the options the README's "fence_ipmilan
 * compatibility" lists as refused, which it refuses with their reason. Then both agents run the same
 * command lines against one simulated BMC.
 */
class FenceIpmilanCompatibilityIT {
    private static final Path FENCE_IPMILAN = Path.of("/usr/sbin/fence_ipmilan");
    private static final Path README = Path.of("../README.md");
    private static final int PORT = 10510;
    /** Refused, each with its reason; the README lists the same. */
    private static final Set<String> REFUSED = Set.of("auth", "target", "plug_separator", "ipmitool_path",
            "ipmitool_timeout", "shell_timeout", "stonith_status_sleep", "use_sudo", "sudo", "sudo_path", "separator");
    /** Change what the call does (print and exit): tested on their own. */
    private static final Set<String> NOT_SETTINGS = Set.of("action", "help", "version");
    /** Names of one setting: a parameter is tried without the others of its group. */
    private static final List<Set<String>> SAME = List.of(Set.of("ip", "ipaddr"), Set.of("username", "login"),
            Set.of("password", "passwd", "password_script", "passwd_script"), Set.of("plug", "port"),
            Set.of("debug_file", "debug"));
    private static final CapturedOutput CAPTURED = new CapturedOutput();

    @TempDir
    Path dir;
    private Path passwordScript;
    private SimulatedBmcFixture bmc;

    /** A parameter as fence_ipmilan's metadata declares it. */
    private record Declared(String name, String type, String defaultValue, List<String> choices, boolean deprecated) {
    }

    @BeforeEach
    void installed() throws Exception {
        Dist.assumeBuilt();
        assumeTrue(Files.isExecutable(FENCE_IPMILAN), "fence-agents' fence_ipmilan is not installed");
        passwordScript = dir.resolve("bmc-password");
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            CAPTURED.assertNeverShows(bmc.password);
            bmc.close();
        }
    }

    @Test
    void everyParameterOfFenceIpmilanIsAcceptedOrRefusedWithItsReason() throws Exception {
        writePasswordScript("secret");
        List<Declared> declared = fenceIpmilanParameters();
        Map<String, String> settings = new LinkedHashMap<>();
        for (Declared d : declared) {
            if (!NOT_SETTINGS.contains(d.name())) {
                settings.put(d.name(), sample(d));
            }
        }
        List<String> mismatches = new ArrayList<>();
        Set<String> refusedByUs = new TreeSet<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String name = setting.getKey();
            List<String> lines = withBase(name, name + "=" + setting.getValue());
            ChildProcess.Result theirs = stdin(FENCE_IPMILAN, lines);
            ChildProcess.Result ours = stdin(Dist.agent("ipmi"), lines);
            if (ours.exitCode() != 0) {
                refusedByUs.add(name);
                if (!ours.stderr().contains(name + ": not supported: ")) {
                    mismatches.add(name + " refused without a reason: " + ours.stderr().strip());
                }
            }
            if (theirs.exitCode() != 0) {
                mismatches.add(name + " refused by fence_ipmilan itself: " + theirs.stderr().strip());
            }
            if (ours.stderr().contains("Ignoring unknown option")) {
                mismatches.add(name + " ignored: " + ours.stderr().strip());
            }
        }
        assertThat(mismatches).isEmpty();
        Set<String> documented = new TreeSet<>(REFUSED);
        documented.retainAll(settings.keySet());
        assertThat(refusedByUs).isEqualTo(documented);
        assertThat(readmeRefusals()).containsAll(REFUSED);

        // every choice of a select, and the command-line form of everything accepted, at once
        for (Declared d : declared) {
            for (String choice : d.choices()) {
                if (!REFUSED.contains(d.name())) {
                    ChildProcess.Result ours = stdin(Dist.agent("ipmi"), withBase(d.name(), d.name() + "=" + choice));
                    assertThat(ours.exitCode()).as(d.name() + "=" + choice + ": " + ours.stderr()).isZero();
                }
            }
        }
        // on the command line: not the secrets (password, hexadecimal_kg: refused there, see below), nor plug,
        // which fence_ipmilan takes there only with port_as_ip
        List<String> argv = new ArrayList<>(List.of("-o", "validate-all", "--ip", "127.0.0.1", "--username", "admin"));
        for (Declared d : declared) {
            if (!d.deprecated() && !REFUSED.contains(d.name()) && !NOT_SETTINGS.contains(d.name())
                    && !List.of("ip", "username", "password", "hexadecimal_kg", "plug").contains(d.name())) {
                argv.add("--" + d.name().replace('_', '-') + (d.type().equals("boolean") ? "" : "=" + settings.get(d.name())));
            }
        }
        ChildProcess.Result theirs = run(FENCE_IPMILAN, "", argv);
        ChildProcess.Result ours = run(Dist.agent("ipmi"), "", argv);
        assertThat(theirs.exitCode()).as(theirs.all()).isZero();
        assertThat(ours.exitCode()).as(ours.all()).isZero();
        assertThat(ours.stderr()).isEmpty();

        List<String> kg = concat(argv, List.of("--hexadecimal-kg=0102030405"));
        assertThat(run(FENCE_IPMILAN, "", kg).exitCode()).isZero();
        assertThat(run(Dist.agent("ipmi"), "", kg).stderr()).contains("--hexadecimal-kg: a secret is never taken from"
                + " the command line").contains("--hexadecimal-kg-file=PATH").doesNotContain("0102030405");
    }

    @Test
    void everyShortOptionOfFenceIpmilanIsAcceptedExceptAPassword() throws Exception {
        writePasswordScript("secret");
        Map<Character, String> shortOptions = fenceIpmilanShortOptions();
        assertThat(shortOptions.keySet()).contains('a', 'l', 'p', 'P', 'A', 'C', 'L', 'm', 'u', 'S', 'o', 'n', 'q',
                'v', 'D', 'V', 'h');
        for (Map.Entry<Character, String> option : shortOptions.entrySet()) {
            char letter = option.getKey();
            List<String> argv = new ArrayList<>(List.of("-o", "validate-all", "--ip", "127.0.0.1", "--username", "admin",
                    "--password-script", passwordScript.toString()));
            switch (letter) {
                case 'P', 'q', 'v', 'V', 'h' -> argv.add("-" + letter);
                case 'o' -> argv.addAll(List.of("-o", "validate-all"));
                default -> argv.addAll(List.of("-" + letter, shortSample(letter)));
            }
            ChildProcess.Result theirs = run(FENCE_IPMILAN, "", argv);
            ChildProcess.Result ours = run(Dist.agent("ipmi"), "", argv);
            // fence_ipmilan takes -n only with --port-as-ip (the plug is then the BMC); fence4j's plug is the node
            assertThat(theirs.exitCode()).as("fence_ipmilan -" + letter + ": " + theirs.all())
                    .isEqualTo(letter == 'n' ? 1 : 0);
            switch (letter) {
                case 'p' -> assertThat(ours.stderr()).as("-p").contains("-p: a secret is never taken from the command"
                        + " line").contains("--password-file=PATH").doesNotContain("hunter2");
                case 'A' -> assertThat(ours.stderr()).as("-A").contains("-A: not supported: IPMI 1.5");
                default -> assertThat(ours.exitCode()).as("-" + letter + ": " + ours.all()).isZero();
            }
        }
    }

    @Test
    void helpVersionMetadataAndManpageAnswerAsFenceIpmilansDo() {
        for (Path agent : List.of(FENCE_IPMILAN, Dist.agent("ipmi"))) {
            assertThat(run(agent, "", List.of("--help")).stdout()).startsWith("Usage:\n\t").contains("-a, --ip=[ip]",
                    "-l, --username=[", "-S, --password-script=[", "-n, --plug=[");
            assertThat(run(agent, "", List.of("-V")).stdout()).isNotBlank();
            for (String action : List.of("metadata", "manpage")) {
                assertThat(run(agent, "", List.of("-o", action)).stdout()).startsWith("<?xml version=\"1.0\" ?>");
            }
        }
    }

    @Test
    void statusAndMonitorWithoutAPlugAsFenceIpmilan() throws Exception {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);
        for (Path agent : List.of(FENCE_IPMILAN, Dist.agent("ipmi"))) {
            List<String> device = List.of("ip=127.0.0.1", "ipport=" + PORT, "username=admin", "password=" + bmc.password,
                    "lanplus=1", "cipher=3");
            ChildProcess.Result status = stdin(agent, concat(List.of("action=status"), device));
            assertThat(status.exitCode()).as(agent + ": " + status.all()).isZero();
            assertThat(status.stdout()).as(agent.toString()).contains("Status: ON");
            ChildProcess.Result monitor = stdin(agent, concat(List.of("action=monitor"), device));
            assertThat(monitor.exitCode()).as(agent + ": " + monitor.all()).isZero();
        }
    }

    @Test
    void oneFenceIpmilanCommandLineFencesThroughEitherAgent() throws Exception {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);
        writePasswordScript(bmc.password);
        List<String> device = List.of("-a", "127.0.0.1", "-u", String.valueOf(PORT), "-l", "admin", "-S",
                passwordScript.toString(), "-P", "-C", "3", "-L", "operator");

        // fence4j powers a node off only when told which one (-n): the BMC alone is not enough
        ChildProcess.Result off = run(Dist.agent("ipmi"), "", concat(List.of("-o", "off", "-n", "pm02"), device));
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(off.stdout()).contains("Success: Powered OFF");
        assertThat(bmc.powerByIpmitool()).isEqualTo("off");

        ChildProcess.Result on = run(FENCE_IPMILAN, "", concat(List.of("-o", "on"), device));
        assertThat(on.exitCode()).as(on.all()).isZero();
        assertThat(bmc.powerByIpmitool()).isEqualTo("on");

        ChildProcess.Result status = run(Dist.agent("ipmi"), "", concat(List.of("-o", "status"), device));
        assertThat(status.stdout()).contains("Status: ON");
    }

    @Test
    void debugFileTakesTheLogWhileStderrKeepsTheError() throws Exception {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);
        writePasswordScript("not-" + bmc.password);
        Path debug = dir.resolve("debug.log");
        ChildProcess.Result r = run(Dist.agent("ipmi"), "", List.of("-o", "status", "-a", "127.0.0.1", "-u",
                String.valueOf(PORT), "-l", "admin", "-S", passwordScript.toString(), "-D", debug.toString()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("ERROR: Failed: cannot log in to the BMC").doesNotContain("DEBUG");
        assertThat(Files.readString(debug)).contains("DEBUG", "ipmi: 127.0.0.1 failed");

        ChildProcess.Result verbose = run(Dist.agent("ipmi"), "", List.of("-o", "status", "-a", "127.0.0.1", "-u",
                String.valueOf(PORT), "-l", "admin", "-S", passwordScript.toString(), "-vv"));
        assertThat(verbose.stderr()).contains("DEBUG", "ERROR: Failed: cannot log in to the BMC");
    }

    /** The base a setting is tried with: fence_ipmilan needs an address, a user and a password. */
    private List<String> withBase(String name, String line) {
        List<String> lines = new ArrayList<>(List.of("action=validate-all"));
        for (String base : List.of("ip=127.0.0.1", "username=admin", "password_script=" + passwordScript)) {
            String key = base.substring(0, base.indexOf('='));
            if (SAME.stream().noneMatch(group -> group.contains(key) && group.contains(name))) {
                lines.add(base);
            }
        }
        lines.add(line);
        return lines;
    }

    private String sample(Declared d) {
        return switch (d.name()) {
            case "ip", "ipaddr" -> "127.0.0.1";
            case "plug", "port" -> "pm02";
            case "username", "login" -> "admin";
            case "password", "passwd" -> "secret";
            case "password_script", "passwd_script" -> passwordScript.toString();
            case "debug_file", "debug" -> dir.resolve("debug.log").toString();
            case "hexadecimal_kg" -> "0102030405";
            case "target" -> "0x20";
            case "disable_timeout" -> "true";
            default -> d.type().equals("boolean") ? "1" : d.defaultValue() != null ? d.defaultValue()
                    : d.choices().isEmpty() ? (d.type().equals("string") ? "3" : "1") : d.choices().get(0);
        };
    }

    private String shortSample(char letter) {
        return switch (letter) {
            case 'a' -> "127.0.0.1";
            case 'l' -> "admin";
            case 'p' -> "hunter2";
            case 'A' -> "password";
            case 'C' -> "3";
            case 'L' -> "user";
            case 'm' -> "cycle";
            case 'u' -> "623";
            case 'S' -> passwordScript.toString();
            case 'n' -> "pm02";
            case 'D' -> dir.resolve("debug.log").toString();
            default -> throw new IllegalArgumentException("no sample for -" + letter);
        };
    }

    private List<Declared> fenceIpmilanParameters() {
        ChildProcess.Result meta = run(FENCE_IPMILAN, "", List.of("-o", "metadata"));
        Element root = XmlDocuments.parse(meta.stdout()).getDocumentElement();
        List<Declared> out = new ArrayList<>();
        for (Element p : children(child(root, "parameters"), "parameter")) {
            Element content = child(p, "content");
            out.add(new Declared(p.getAttribute("name"), content.getAttribute("type"),
                    content.hasAttribute("default") ? content.getAttribute("default") : null,
                    children(content, "option").stream().map(o -> o.getAttribute("value")).toList(),
                    "1".equals(p.getAttribute("deprecated"))));
        }
        assertThat(out).extracting(Declared::name).contains("ip", "username", "password", "password_script", "ipport",
                "lanplus", "cipher", "privlvl", "hexadecimal_kg", "method", "power_wait", "power_timeout",
                "login_timeout", "plug", "retry_on", "verbose", "debug_file");
        return out;
    }

    /** -a, --ip=[ip] lines of fence_ipmilan --help; the first meaning of a letter (-C is cipher, then separator). */
    private Map<Character, String> fenceIpmilanShortOptions() {
        Map<Character, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s+-(\\w), --([\\w-]+)").matcher(run(FENCE_IPMILAN, "", List.of("--help")).stdout());
        while (m.find()) {
            out.putIfAbsent(m.group(1).charAt(0), m.group(2));
        }
        return out;
    }

    /** The option names in the README's fence_ipmilan compatibility table of refusals. */
    private static Set<String> readmeRefusals() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("### fence_ipmilan compatibility");
        assertThat(start).as("README section").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start));
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| refused \\| (.*?) \\|").matcher(section);
        while (m.find()) {
            Matcher name = Pattern.compile("`(\\w+)`").matcher(m.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private void writePasswordScript(String password) throws Exception {
        Files.writeString(passwordScript, "#!/bin/sh\necho '" + password + "'\n");
        Files.setPosixFilePermissions(passwordScript, PosixFilePermissions.fromString("rwx------"));
    }

    private ChildProcess.Result stdin(Path agent, List<String> lines) {
        return run(agent, String.join("\n", lines) + "\n", List.of());
    }

    private ChildProcess.Result run(Path agent, String stdin, List<String> args) {
        List<String> command = new ArrayList<>(List.of(agent.toString()));
        command.addAll(args);
        return CAPTURED.keep(ChildProcess.run(command, Dist.withJava(Map.of()), stdin, Duration.ofSeconds(90)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
