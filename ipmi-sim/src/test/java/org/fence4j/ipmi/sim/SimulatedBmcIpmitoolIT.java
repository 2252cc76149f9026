package org.fence4j.ipmi.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.IpmiSimLab;
import org.fence4j.ipmi.session.Privilege;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ipmitool, an independent RMCP+ implementation, against the simulated BMC: the simulator is
 * only worth its tests if a real client accepts it, cipher 17 included (which ipmi_sim lacks).
 */
class SimulatedBmcIpmitoolIT {
    private static final int PORT = 9720;
    private SimulatedBmc bmc;

    @BeforeEach
    void start() {
        assumeTrue(IpmiSimLab.onPath("ipmitool"), "ipmitool is not installed (apt-get install ipmitool)");
        bmc = SimulatedBmc.builder().port(PORT).cipherSuites(Set.of(1, 2, 3, 6, 7, 8, 15, 16, 17)).user("admin", Secret.of("secret"), Privilege.ADMINISTRATOR).start();
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "6", "7", "8", "15", "16", "17"})
    void ipmitoolReadsAndSwitchesThePower(String cipher) throws Exception {
        assertThat(ipmitool("secret", cipher, "chassis", "power", "status")).contains("Chassis Power is on");
        assertThat(ipmitool("secret", cipher, "chassis", "power", "off")).contains("Down/Off");
        assertThat(bmc.powerOn()).isFalse();
        assertThat(ipmitool("secret", cipher, "chassis", "power", "status")).contains("Chassis Power is off");
        assertThat(bmc.activeSessions()).isZero();
    }

    @Test
    void ipmitoolWithAWrongPasswordIsRefused() throws Exception {
        assertThat(ipmitool("wrong", "17", "chassis", "power", "off")).contains("Unable to establish");
        assertThat(bmc.powerOn()).isTrue();
        assertThat(bmc.sessionsActivated()).isZero();
    }

    private static String ipmitool(String password, String cipher, String... command) throws Exception {
        return IpmiSimLab.ipmitool(PORT, password, cipher, command);
    }
}
