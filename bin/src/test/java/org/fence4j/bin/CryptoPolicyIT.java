package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fence4j.agents.spi.Secret;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's security configuration decides which cipher suites fence_fence4j_ipmi may use: with MD5
 * disabled, suites 3 and 17 still read the power, and suite 7 (RAKP-HMAC-MD5, HMAC-MD5-128) fails
 * with a message naming the suite and the primitive, before any power command. Each configuration is
 * a {@code java.security} override ({@code -Djava.security.properties}, through JDK_JAVA_OPTIONS).
 */
class CryptoPolicyIT {
    private static final int PORT = 10770;
    private static final String PASSWORD = "crypto-policy";
    /** Where Debian (and so the JDK's package, which depends on it) puts NSS's soft token. */
    private static final List<Path> NSS_DIRECTORIES = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib64"));
    private static final String REFUSED = "cipher suite 7 needs HMAC-MD5, which this JDK's security configuration"
            + " does not allow";

    @TempDir
    Path dir;
    private SimulatedBmc bmc;

    @BeforeEach
    void start() {
        Dist.assumeBuilt();
        bmc = SimulatedBmc.builder().port(PORT).cipherSuites(Set.of(3, 7, 17))
                .user("admin", Secret.of(PASSWORD), Privilege.ADMINISTRATOR).start();
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    /** As a FIPS mode does: no SunJCE, its HMACs and AES from NSS's PKCS#11 module, whose MD5 is disabled. */
    @Test
    void withNssInPlaceOfSunJceSuitesThreeAndSeventeenFenceAndSevenIsRefused() throws Exception {
        Optional<Path> nss = NSS_DIRECTORIES.stream().filter(d -> Files.exists(d.resolve("libsoftokn3.so"))).findFirst();
        assumeTrue(nss.isPresent(), "NSS (libnss3) is not installed");
        Path config = Files.writeString(dir.resolve("nss-without-md5.cfg"), """
                name = NSS
                nssLibraryDirectory = %s
                nssDbMode = noDb
                attributes = compatibility
                disabledMechanisms = {
                  CKM_MD5
                  CKM_MD5_HMAC
                }
                """.formatted(nss.get()));
        Path security = Files.writeString(dir.resolve("nss.security"), "security.provider.5=SunPKCS11 " + config + "\n");
        assertSuitesAsThePolicySays(Dist.JAVA_HOME, security);
        if (Files.isExecutable(Dist.JDK_25.resolve("bin/java"))) {
            assertSuitesAsThePolicySays(Dist.JDK_25.toString(), security);
        }
    }

    /** JDK 24 and later: the standard property that disables an algorithm, SunJCE's HMAC-MD5 with it. */
    @Test
    void withMd5DisabledByJdkCryptoDisabledAlgorithmsSevenIsRefused() throws Exception {
        assumeTrue(Files.isExecutable(Dist.JDK_25.resolve("bin/java")), "no JDK 25 at " + Dist.JDK_25);
        Path security = Files.writeString(dir.resolve("md5.security"),
                "jdk.crypto.disabledAlgorithms=MessageDigest.MD5\n");
        assertSuitesAsThePolicySays(Dist.JDK_25.toString(), security);
    }

    private void assertSuitesAsThePolicySays(String javaHome, Path security) throws IOException {
        Map<String, String> policy = Map.of("JAVA_HOME", javaHome,
                "JDK_JAVA_OPTIONS", "-Djava.security.properties=" + security);
        for (String suite : List.of("3", "17")) {
            ChildProcess.Result status = agent(policy, "status", suite);
            assertThat(status.exitCode()).as(javaHome + ", suite " + suite + ": " + status.all()).isZero();
            assertThat(status.stdout()).contains("Status: ON");
        }
        ChildProcess.Result off = agent(policy, "off", "7");
        assertThat(off.exitCode()).as(javaHome + ": " + off.all()).isNotZero();
        assertThat(off.all()).contains(REFUSED).doesNotContain("Success");
        assertThat(bmc.powerOn()).isTrue();
        // without the override the same JDK speaks suite 7: the refusal is the configuration's
        ChildProcess.Result plain = agent(Map.of("JAVA_HOME", javaHome), "status", "7");
        assertThat(plain.exitCode()).as(javaHome + ": " + plain.all()).isZero();
    }

    private ChildProcess.Result agent(Map<String, String> environment, String action, String suite) {
        String options = "action=%s\nplug=pm02\nip=127.0.0.1\nipport=%d\nusername=admin\npassword=%s\nlanplus=1\ncipher=%s\n"
                .formatted(action, PORT, PASSWORD, suite);
        ChildProcess.Result result = Dist.run(Dist.agent("ipmi"), environment, options);
        assertThat(result.all()).doesNotContain(PASSWORD);
        return result;
    }
}
