package org.fence4j.agents.protocol.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.fence4j.agents.testing.XmlDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The toy agent as a cluster-glue external plugin, driven by cluster-glue's real {@code stonith}
 * command: installed as a plugin script for the duration of each test and removed afterwards.
 */
class StonithExternalPluginIT {
    /** Where Debian's cluster-glue looks for external plugins ({@code dpkg -L cluster-glue}). */
    private static final Path PLUGIN_DIR = Path.of("/usr/lib/stonith/plugins/external");
    private static final Path STONITH = Path.of("/usr/sbin/stonith");
    private static final CapturedOutput CAPTURED = new CapturedOutput();

    @TempDir
    Path dir;
    private ToyDevice device;
    private Path plugin;
    private String type;
    private List<String> params;

    @BeforeEach
    void installPlugin() throws IOException {
        assumeTrue(Files.isExecutable(STONITH), "cluster-glue's stonith is not installed");
        assumeTrue(Files.isDirectory(PLUGIN_DIR), "no cluster-glue external plugin directory " + PLUGIN_DIR);
        assumeTrue(Files.isWritable(PLUGIN_DIR), "installing a plugin into " + PLUGIN_DIR + " needs root");
        String name = "fence4j-toy-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        type = "external/" + name;
        plugin = PLUGIN_DIR.resolve(name);
        String command = String.join(" ", ChildProcess.java(ExternalPlugin.class, List.of(ToyAgentProvider.TYPE))
                .stream().map(StonithExternalPluginIT::shellQuote).toList());
        Files.writeString(plugin, "#!/bin/sh\nexec " + command + " \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));

        device = new ToyDevice(dir);
        Path secret = SecretFiles.write(dir.resolve("toy.passwd"), ToyAgentProvider.PASSWORD + "\n");
        params = List.of("hostlist=pm01,pm02", "state_dir=" + dir, "passwd_file=" + secret);
    }

    @AfterEach
    void removePlugin() throws IOException {
        if (plugin != null) {
            Files.deleteIfExists(plugin);
        }
        CAPTURED.assertNeverShows(ToyAgentProvider.PASSWORD);
    }

    private ChildProcess.Result stonith(List<String> configuration, String... args) {
        List<String> command = new ArrayList<>(List.of(STONITH.toString(), "-t", type));
        command.addAll(configuration);
        command.addAll(Arrays.asList(args));
        return CAPTURED.keep(ChildProcess.run(command, Map.of(), "", Duration.ofSeconds(60)));
    }

    @Test
    void stonithListsThePlugin() {
        ChildProcess.Result list = CAPTURED.keep(ChildProcess.run(List.of(STONITH.toString(), "-L"), Map.of(), "",
                Duration.ofSeconds(60)));
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout().lines()).contains(type);
    }

    @Test
    void configNamesAndMetadataComeFromTheDeclarations() {
        ChildProcess.Result names = stonith(List.of(), "-n");
        assertThat(names.exitCode()).isZero();
        assertThat(names.stdout().strip().split("\\s+")).containsExactly("hostlist", "state_dir", "passwd",
                "passwd_file", "passwd_env", "passwd_script", "wait_ms", "mode", "timeout");

        ChildProcess.Result metadata = stonith(List.of(), "-m");
        assertThat(metadata.exitCode()).isZero();
        Element root = XmlDocuments.parse(metadata.stdout()).getDocumentElement();
        assertThat(root.getAttribute("name")).isEqualTo(type);
        assertThat(XmlDocuments.child(root, "shortdesc").getTextContent().strip()).isEqualTo("Toy STONITH device");
        assertThat(XmlDocuments.child(root, "longdesc").getTextContent()).contains("files & directories");
        List<Element> parameters = XmlDocuments.children(XmlDocuments.child(root, "parameters"), "parameter");
        assertThat(parameters).extracting(p -> p.getAttribute("name")).startsWith("hostlist", "state_dir", "passwd");
        assertThat(parameters.get(0).getAttribute("required")).isEqualTo("1");
    }

    @Test
    void hostListAndDeviceStatus() {
        ChildProcess.Result hosts = stonith(params, "-l");
        assertThat(hosts.exitCode()).isZero();
        assertThat(hosts.stdout().lines()).containsExactly("pm01", "pm02");

        assertThat(stonith(params, "-S").exitCode()).isZero();
        List<String> broken = List.of("hostlist=pm01,pm02", "state_dir=" + dir.resolve("missing"),
                "passwd_file=" + dir.resolve("toy.passwd"));
        assertThat(stonith(broken, "-S").exitCode()).isNotZero();
    }

    @Test
    void resetOffAndOnChangeTheNodesPower() {
        ChildProcess.Result reset = stonith(params, "-T", "reset", "pm02");
        assertThat(reset.exitCode()).isZero();
        assertThat(device.actions()).containsExactly("reset pm02");

        assertThat(stonith(params, "-T", "off", "pm02").exitCode()).isZero();
        assertThat(device.power("pm02")).isEqualTo(PowerState.OFF);
        assertThat(stonith(params, "-T", "on", "pm02").exitCode()).isZero();
        assertThat(device.power("pm02")).isEqualTo(PowerState.ON);
        assertThat(device.actions()).containsExactly("reset pm02", "off pm02", "on pm02");
    }

    @Test
    void aFailingDeviceIsAFailedReset() {
        List<String> failing = new ArrayList<>(params);
        failing.add("mode=fail");
        ChildProcess.Result reset = stonith(failing, "-T", "reset", "pm02");
        assertThat(reset.exitCode()).as("S_RESETFAIL").isEqualTo(5);
        assertThat(reset.all()).contains("toy device refused reset (mode=fail)");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void aHostTheDeviceDoesNotFenceIsAFailedReset() {
        assertThat(stonith(params, "-T", "reset", "pm09").exitCode()).isEqualTo(5);
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void aGroupWritablePluginIsNotRun() throws IOException {
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxrwxr-x"));

        assertThat(stonith(params, "-T", "reset", "pm02").exitCode()).isNotZero();
        assertThat(device.actions()).isEmpty();
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
