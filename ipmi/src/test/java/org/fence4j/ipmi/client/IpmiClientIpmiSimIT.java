package org.fence4j.ipmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.IpmiSimLab;
import org.fence4j.ipmi.command.ChassisControl;
import org.fence4j.ipmi.command.CommandFailedException;
import org.fence4j.ipmi.command.CompletionCode;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.command.GetDeviceGuid;
import org.fence4j.ipmi.command.GetDeviceId;
import org.fence4j.ipmi.session.AuthenticationFailedException;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against ipmi_sim started with a BMC key (Kg). */
class IpmiClientIpmiSimIT {
    private static final int PORT = 9711;
    private static final String KG = "fence4j-kg";
    private static IpmiSimLab lab;
    private static IpmiClient client;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("ipmi-sim-kg-it");
        lab = IpmiSimLab.start(PORT, dir, KG);
        client = new IpmiClient();
    }

    @AfterAll
    static void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private static Session open(String user, String password, String kg, Privilege privilege) throws Exception {
        Deadline d = Deadline.after(Duration.ofSeconds(10));
        return client.open(new InetSocketAddress("127.0.0.1", PORT), new Credentials(user, Secret.of(password),
                kg == null ? null : Secret.of(kg)), SessionOptions.defaults().withPrivilege(privilege), d);
    }

    @Test
    void withKgTheSessionWorksAndDeviceIdentityIsRead() throws Exception {
        Session s = open("admin", "secret", KG, Privilege.ADMINISTRATOR);
        Deadline d = Deadline.after(Duration.ofSeconds(5));
        assertThat(s.cipherSuite().id()).isEqualTo(3);
        assertThat(s.execute(new GetChassisStatus(), d).powerOn()).isTrue();
        assertThat(s.execute(new GetDeviceId(), d).ipmiVersion()).isEqualTo("2.0");
        assertThat(s.execute(new GetDeviceGuid(), d)).hasSize(16);
        s.close(d);
    }

    @Test
    void aMissingOrWrongKgIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> open("admin", "secret", null, Privilege.ADMINISTRATOR))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> open("admin", "secret", "other-key", Privilege.ADMINISTRATOR))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining(AuthenticationFailedException.MISMATCH);
    }

    @Test
    void aUserOrPasswordIpmiSimRefusesIsSaidWithinAFewSeconds() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> open("nobody", "secret", KG, Privilege.ADMINISTRATOR))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("user 'nobody' unknown to the BMC");
        assertThatThrownBy(() -> open("admin", "wrong", KG, Privilege.ADMINISTRATOR))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining(AuthenticationFailedException.MISMATCH);
        // each refusal is believed once two fresh login attempts heard it, not at the 10 s deadline
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aUserLevelSessionMayNotPowerOff() throws Exception {
        Session s = open("user", "uspass", KG, Privilege.USER);
        Deadline d = Deadline.after(Duration.ofSeconds(5));
        assertThatThrownBy(() -> s.execute(new ChassisControl(ChassisControl.Action.POWER_DOWN), d))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("insufficient privilege level")
                .satisfies(e -> assertThat(((CommandFailedException) e).completionCode())
                        .isEqualTo(CompletionCode.INSUFFICIENT_PRIVILEGE));
        s.close(d);
        assertThat(lab.witnessPower()).isEqualTo("on");
    }
}
