package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.sim.SimulatedBmc;

/**
 * A simulated BMC on 127.0.0.1 with a fresh random password for pm02, and ipmitool, an independent
 * RMCP+ client, to read its power back.
 */
final class SimulatedBmcFixture implements AutoCloseable {
    /** 16 characters: IPMI v2.0 passwords are at most 20 bytes. */
    final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    final int port;
    final SimulatedBmc bmc;

    SimulatedBmcFixture(int port) {
        this.port = port;
        this.bmc = SimulatedBmc.builder().port(port).cipherSuites(Set.of(3, 17))
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

    @Override
    public void close() {
        bmc.close();
    }
}
