package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's plugin files under cluster-glue's real {@code stonith}: installed into the
 * external plugin directory under unique names for each test (as the .deb installs them: regular
 * files outside fence4j's directory) and always removed; the fencing against a simulated BMC on
 * loopback, its power read back with ipmitool.
 */
class StonithPluginsIT {
    private static final Path PLUGIN_DIR = Path.of("/usr/lib/stonith/plugins/external");
    private static final Path STONITH = Path.of("/usr/sbin/stonith");
    private static final int PORT = 9801;
    private static final CapturedOutput CAPTURED = new CapturedOutput();

    @TempDir
    Path dir;
    private final Map<String, Path> installed = new LinkedHashMap<>();
    private SimulatedBmcFixture bmc;

    @BeforeEach
    void install() throws IOException {
        Dist.assumeBuilt();
        assumeTrue(Files.isExecutable(STONITH), "cluster-glue's stonith is not installed");
        assumeTrue(Files.isWritable(PLUGIN_DIR), "installing plugins into " + PLUGIN_DIR + " needs root");
        String suffix = "-it" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        try {
            for (String type : Dist.TYPES) {
                Path plugin = PLUGIN_DIR.resolve(Dist.plugin(type).getFileName() + suffix);
                installed.put(type, plugin);
                Files.copy(Dist.plugin(type), plugin, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException | RuntimeException e) {
            remove();
            throw e;
        }
    }

    @AfterEach
    void remove() throws IOException {
        for (Path plugin : installed.values()) {
            Files.deleteIfExists(plugin);
        }
        installed.clear();
        if (bmc != null) {
            CAPTURED.assertNeverShows(bmc.password);
            bmc.close();
        }
    }

    private String type(String agentType) {
        return "external/" + installed.get(agentType).getFileName();
    }

    /** stonith as Pacemaker's lha class runs it: the plugin finds fence4j through FENCE4J_HOME. */
    private ChildProcess.Result stonith(List<String> args) {
        List<String> command = new ArrayList<>(List.of(STONITH.toString()));
        command.addAll(args);
        return CAPTURED.keep(ChildProcess.run(command, Dist.withJava(Map.of("FENCE4J_HOME", Dist.HOME.toString())), "",
                Duration.ofSeconds(90)));
    }

    private ChildProcess.Result ipmi(String password, String... args) {
        List<String> line = new ArrayList<>(List.of("-t", type("ipmi"), "hostname=pm02", "ipaddr=127.0.0.1",
                "ipport=" + PORT, "userid=admin", "passwd=" + password));
        line.addAll(Arrays.asList(args));
        return stonith(line);
    }

    @Test
    void stonithListsEveryFence4jPlugin() {
        ChildProcess.Result list = stonith(List.of("-L"));
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout().lines()).contains(type("ipmi"), type("helper"), type("meatware"), type("chain"));
    }

    @Test
    void stonithListsTheIpmiParameters() {
        ChildProcess.Result names = stonith(List.of("-t", type("ipmi"), "-n"));
        assertThat(names.exitCode()).as(names.stderr()).isZero();
        assertThat(names.stdout().strip().split("\\s+")).contains("hostname", "ipaddr", "ipport", "userid", "passwd",
                "interface", "passwd_file");
    }

    @Test
    void statusAndResetThroughTheSimulatedBmc() {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);

        ChildProcess.Result status = ipmi(bmc.password, "-S");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(bmc.bmc.chassisLog()).isEmpty();

        ChildProcess.Result reset = ipmi(bmc.password, "-T", "reset", "pm02");
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(bmc.bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(bmc.powerByIpmitool()).isEqualTo("on");

        ChildProcess.Result off = ipmi(bmc.password, "-T", "off", "pm02");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(bmc.powerByIpmitool()).isEqualTo("off");
    }

    @Test
    void aWrongPasswordIsAFailedResetAndTheNodeKeepsRunning() {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);

        assertThat(ipmi("not-" + bmc.password, "-S").exitCode()).isNotZero();
        ChildProcess.Result reset = ipmi("not-" + bmc.password, "-T", "reset", "pm02");
        assertThat(reset.exitCode()).as("S_RESETFAIL").isEqualTo(5);
        assertThat(bmc.bmc.chassisLog()).isEmpty();
        assertThat(bmc.powerByIpmitool()).isEqualTo("on");
    }

    @Test
    void theChainPluginFencesThroughTheConfiguredLevels() throws IOException {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);
        Path secret = Files.writeString(dir.resolve("pm02.passwd"), bmc.password + "\n");
        Path config = Files.writeString(dir.resolve("fence4j.yaml"), """
                state_dir: %s
                devices:
                  ipmi-pm02:
                    agent: ipmi
                    params: { hostname: pm02, ipaddr: 127.0.0.1, ipport: %d, userid: admin, passwd_file: %s }
                targets:
                  pm02:
                    levels:
                      - { device: ipmi-pm02, timeout: 30s }
                """.formatted(dir.resolve("state"), PORT, secret));

        ChildProcess.Result hosts = stonith(List.of("-t", type("chain"), "config=" + config, "-l"));
        assertThat(hosts.exitCode()).as(hosts.all()).isZero();
        assertThat(hosts.stdout().lines()).containsExactly("pm02");
        ChildProcess.Result reset = stonith(List.of("-t", type("chain"), "config=" + config, "-T", "reset", "pm02"));
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(bmc.bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(Files.readString(dir.resolve("state/history.jsonl"))).contains("pm02");
    }
}
