package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fence4j.agents.spi.Secret;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated BMC on 127.0.0.1 (or another loopback address) with a fresh random password for pm02,
 * and ipmitool, an independent RMCP+ client, to read its power back.
 */
final class SimulatedBmcFixture implements AutoCloseable {
    /** 16 characters: IPMI v2.0 passwords are at most 20 bytes. */
    final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    final int port;
    final SimulatedBmc bmc;

    SimulatedBmcFixture(int port) {
        this(InetAddress.getLoopbackAddress(), port);
    }

    /** On another loopback address, such as an example's 127.0.0.2. */
    SimulatedBmcFixture(InetAddress address, int port) {
        this.port = port;
        this.bmc = SimulatedBmc.builder().address(address).port(port).cipherSuites(Set.of(3, 17))
                .user("admin", Secret.of(password), Privilege.ADMINISTRATOR).start();
    }

    static void assumeIpmitool() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ipmitool")), "ipmitool is not installed");
    }

    /** "on" or "off" as ipmitool reads it ({@code chassis power status}), password in IPMI_PASSWORD. */
    String powerByIpmitool() {
        ChildProcess.Result status = ChildProcess.run(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", "127.0.0.1",
                "-p", String.valueOf(port), "-U", "admin", "-E", "chassis", "power", "status"),
                Map.of("IPMI_PASSWORD", password), "", Duration.ofSeconds(60));
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        String out = status.stdout().strip();
        assertThat(out).startsWith("Chassis Power is ");
        return out.substring("Chassis Power is ".length());
    }

    /**
     * A fence4j.yaml in {@code dir} whose only device is an ipmi device for pm02 at this BMC (with
     * {@code params}, more of its parameters, if not empty), pm02's one level with {@code timeout}.
     */
    Path config(Path dir, String params, String timeout) throws IOException {
        Path secret = SecretFiles.write(dir.resolve("pm02.passwd"), password + "\n");
        return Files.writeString(dir.resolve("fence4j.yaml"), """
                state_dir: %s
                devices:
                  ipmi-pm02:
                    agent: ipmi
                    params: { hostname: pm02, ipaddr: 127.0.0.1, ipport: %d, userid: admin, passwd_file: %s%s }
                targets:
                  pm02: { levels: [ { device: ipmi-pm02, timeout: %s } ] }
                """.formatted(dir.resolve("state"), port, secret, params.isEmpty() ? "" : ", " + params, timeout));
    }

    @Override
    public void close() {
        bmc.close();
    }

    /**
     * A fixture for each test, registered with {@code @RegisterExtension}: the test is skipped
     * without the built distribution or ipmitool, and its BMC is closed after it (after the test's
     * own {@code @AfterEach} methods, which may still read it).
     */
    static final class PerTest implements BeforeEachCallback, AfterEachCallback {
        private final int port;
        private SimulatedBmcFixture current;

        PerTest(int port) {
            this.port = port;
        }

        /** This test's fixture; null when the test was skipped before it started. */
        SimulatedBmcFixture get() {
            return current;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            Dist.assumeBuilt();
            assumeIpmitool();
            current = new SimulatedBmcFixture(port);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
