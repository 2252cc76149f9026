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
 * FreeIPMI's ipmipower, a second independent RMCP+ implementation beside ipmitool, against the
 * simulated BMC: its HMACs and AES (the JDK's) agree with FreeIPMI's, suite 17 included.
 */
class SimulatedBmcIpmipowerIT {
    private static final int PORT = 9721;
    /** How ipmipower names the host in its answers: without the port. */
    private static final String HOST = "127.0.0.1: ";
    private SimulatedBmc bmc;

    @BeforeEach
    void start() {
        assumeTrue(IpmiSimLab.onPath("ipmipower"), "ipmipower is not installed (apt-get install freeipmi-tools)");
        bmc = SimulatedBmc.builder().port(PORT).cipherSuites(Set.of(3, 17))
                .user("admin", Secret.of("secret"), Privilege.ADMINISTRATOR).start();
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "17"})
    void ipmipowerReadsAndSwitchesThePower(String cipher) throws Exception {
        assertThat(IpmiSimLab.ipmipower(PORT, "secret", cipher, "--stat")).contains(HOST + "on");
        assertThat(IpmiSimLab.ipmipower(PORT, "secret", cipher, "--off")).contains(HOST + "ok");
        assertThat(bmc.powerOn()).isFalse();
        assertThat(IpmiSimLab.ipmipower(PORT, "secret", cipher, "--stat")).contains(HOST + "off");
        assertThat(bmc.activeSessions()).isZero();
    }

    @Test
    void ipmipowerWithAWrongPasswordIsRefused() throws Exception {
        assertThat(IpmiSimLab.ipmipower(PORT, "wrong", "17", "--off")).contains(HOST + "password invalid");
        assertThat(bmc.powerOn()).isTrue();
        assertThat(bmc.sessionsActivated()).isZero();
    }
}
