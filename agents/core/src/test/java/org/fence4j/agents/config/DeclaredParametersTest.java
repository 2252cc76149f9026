package org.fence4j.agents.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.agents.testing.Await;
import org.fence4j.agents.testing.Nobody;
import org.fence4j.agents.testing.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredParametersTest {
    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.string("ipaddr", "BMC address").asRequired().withAliases("ip"),
            ParameterSpec.integer("ipport", "UDP port").withDefault("623"),
            ParameterSpec.bool("lanplus", "RMCP+"),
            ParameterSpec.seconds("power_timeout", "Seconds").withDefault("20"),
            ParameterSpec.select("privlvl", "Privilege", "operator", "administrator").withDefault("administrator"),
            ParameterSpec.secret("passwd", "Password").withAliases("password"));

    static RawParameter file(String key, String value) {
        return new RawParameter(key, value, Origin.file("f.yaml", 3));
    }

    static Parameters resolve(RawParameter... raw) throws ParameterException {
        return DeclaredParameters.resolve(SPECS, List.of(raw), DeclaredParameters.Unknown.REJECT, Map.of("PW", "from-env")::get);
    }

    @Test
    void appliesDefaultsAliasesAndTypes() throws Exception {
        Parameters p = resolve(file("ip", "127.0.0.1"), file("lanplus", "yes"), file("privlvl", "OPERATOR"),
                file("power_timeout", "2.5"), file("password", "s3cret-value"));
        assertThat(p.string("ipaddr")).isEqualTo("127.0.0.1");
        assertThat(p.integer("ipport")).isEqualTo(623);
        assertThat(p.bool("lanplus")).isTrue();
        assertThat(p.string("privlvl")).isEqualTo("operator");
        assertThat(p.seconds("power_timeout")).isEqualTo(Duration.ofMillis(2500));
        assertThat(p.secret("passwd").orElseThrow().bytes()).isEqualTo("s3cret-value".getBytes());
        assertThat(p.toString()).doesNotContain("s3cret-value").contains("passwd=******");
    }

    @Test
    void secretFromEnvironmentFileAndScript(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pw");
        SecretFiles.write(f, "from-file\nsecond line ignored\n");
        assertThat(resolve(file("ip", "h"), file("passwd_env", "PW")).secret("passwd").orElseThrow().bytes())
                .isEqualTo("from-env".getBytes());
        assertThat(resolve(file("ip", "h"), file("password_file", f.toString())).secret("passwd").orElseThrow().bytes())
                .isEqualTo("from-file".getBytes());
        assertThat(resolve(file("ip", "h"), file("passwd_script", "echo from-script")).secret("passwd").orElseThrow()
                .bytes()).isEqualTo("from-script".getBytes());
        // stderr is not read: a script's chatter there (set -x traces the secret) is neither kept nor a failure
        assertThat(resolve(file("ip", "h"), file("passwd_script", "set -x; head -c 100000 /dev/zero >&2; echo traced"))
                .secret("passwd").orElseThrow().bytes()).isEqualTo("traced".getBytes());
    }

    @Test
    void aRequiredTextThatIsEmptyIsRefused() {
        // an empty BMC address resolves to this host's own: never "the BMC"
        assertThatThrownBy(() -> resolve(file("ip", "  "), file("passwd_env", "PW")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("expected a value (it is required), got '  '");
    }

    @Test
    void aSecretFileOthersCouldReadOrChangeIsRefused(@TempDir Path dir) throws Exception {
        Path f = SecretFiles.write(dir.resolve("pw"), "from-file\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("password_file", f.toString())))
                .isInstanceOf(ParameterException.class).hasMessageContaining("others can read it (mode 0644)")
                .hasMessageNotContaining("from-file");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw--w----"));
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("password_file", f.toString())))
                .isInstanceOf(ParameterException.class).hasMessageContaining("it is writable by group or others");
        // as ssh for a private key: a group that may read it is as many readers as the group has
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("password_file", f.toString())))
                .isInstanceOf(ParameterException.class).hasMessageContaining("its group can read it (mode 0640)")
                .hasMessageContaining("expected 0600 or 0400, readable by its owner alone: chmod go=");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw---x---"));
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("password_file", f.toString())))
                .isInstanceOf(ParameterException.class).hasMessageContaining("group or others have access to it");
        for (String ownerOnly : List.of("rw-------", "r--------")) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(ownerOnly));
            assertThat(resolve(file("ip", "h"), file("password_file", f.toString())).secret("passwd").orElseThrow()
                    .bytes()).isEqualTo("from-file".getBytes());
        }
        Nobody.assumeRoot();
        Nobody.own(f); // it could replace the password fencing uses, or break it
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("password_file", f.toString())))
                .isInstanceOf(ParameterException.class).hasMessageContaining("it is owned by nobody (uid 65534)");
    }

    @Test
    void aScriptThatLeavesAChildRunningDoesNotHoldUsAndTheChildIsKilled(@TempDir Path dir) throws Exception {
        Path child = dir.resolve("child");
        assertTimeoutPreemptively(Duration.ofSeconds(8), () ->
                assertThat(resolve(file("ip", "h"), file("passwd_script", "sleep 30 & echo $! > " + child
                        + "; echo from-script")).secret("passwd").orElseThrow().bytes())
                        .isEqualTo("from-script".getBytes()));
        awaitGone(Long.parseLong(Files.readString(child).trim()));
    }

    @Test
    void aScriptThatSleepsIsCutAtItsBoundWithItsWholeTree(@TempDir Path dir) throws Exception {
        Path child = dir.resolve("child");
        DeclaredParameters declared = DeclaredParameters.declare(SPECS, List.of(file("ip", "h"), file("passwd_script",
                "sleep 30 & echo $! > " + child + "; sleep 30; echo too-late")), DeclaredParameters.Unknown.REJECT, k -> null);
        assertTimeoutPreemptively(Duration.ofSeconds(8), () ->
                assertThatThrownBy(() -> declared.withSecrets(Deadline.after(Duration.ofMillis(1500))))
                        .hasMessage("f.yaml:3: passwd_script: the command 'sleep 30 & echo $! > " + child + "; sleep 30;"
                                + " echo too-late' did not print the passwd: it did not finish within 1.5 s and was"
                                + " killed; expected it to exit 0 within 1.5 s and print the passwd on its first line"));
        awaitGone(Long.parseLong(Files.readString(child).trim()));
    }

    @Test
    void aScriptsOutputComesThroughAPipeNeverAFile() throws Exception {
        // the script says what its stdout is: a file there would keep the secret after a kill -9
        String script = "out=$(readlink /proc/$$/fd/1); case $out in pipe:*) echo through-a-pipe;; *) echo \"$out\";; esac";
        assertThat(new String(resolve(file("ip", "h"), file("passwd_script", script)).secret("passwd").orElseThrow()
                .bytes())).isEqualTo("through-a-pipe");
    }

    @Test
    void aScriptPrintingEndlesslyIsBoundedInSize() {
        assertTimeoutPreemptively(Duration.ofSeconds(8), () ->
                assertThatThrownBy(() -> resolve(file("ip", "h"), file("passwd_script", "cat /dev/zero")))
                        .hasMessageContaining("did not print the passwd: it printed more than 65536 bytes on its first"
                                + " line"));
    }

    @Test
    void aFifoAsSecretFileIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pw");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(8), () ->
                assertThatThrownBy(() -> resolve(file("ip", "h"), file("passwd_file", fifo.toString())))
                        .hasMessage("f.yaml:3: passwd_file: cannot read the secret file '" + fifo + "': it is a FIFO"
                                + " (named pipe), not a regular file; expected a regular file whose first line is the"
                                + " passwd"));
    }

    @Test
    void aDeviceADirectoryOrAHugeFileIsRefused(@TempDir Path dir) throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(8), () ->
                assertThatThrownBy(() -> resolve(file("ip", "h"), file("passwd_file", "/dev/zero")))
                        .hasMessageContaining("'/dev/zero': it is a character device, not a regular file"));
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("passwd_file", dir.toString())))
                .hasMessageContaining("'" + dir + "': it is a directory, not a regular file");
        Path huge = Files.write(dir.resolve("huge"), new byte[SecretFile.MAX_BYTES + 1]);
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("passwd_file", huge.toString())))
                .hasMessageContaining("'" + huge + "': it is larger than 65536 bytes");
    }

    /** A killed process disappears a moment later: wait for it, bounded. */
    private static void awaitGone(long pid) throws InterruptedException {
        Await.until("process " + pid + " gone", () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                Duration.ofSeconds(5));
    }

    @Test
    void aFailingScriptIsNamedWithoutItsOutput() {
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("passwd_script", "echo leaked-value; exit 3")))
                .hasMessageContaining("passwd_script: the command 'echo leaked-value; exit 3' did not print the passwd")
                .satisfies(e -> assertThat(e.getMessage().replace("echo leaked-value", "")).doesNotContain("leaked-value"));
    }

    @Test
    void refusesSecretOnCommandLineWithoutEchoingIt() {
        assertThatThrownBy(() -> resolve(file("ip", "h"), new RawParameter("password", "argv-secret", Origin.argv())))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("command line: password: a secret is never taken from the command line")
                .hasMessageContaining("password_file=PATH")
                .hasMessageNotContaining("argv-secret");
    }

    @Test
    void reportsEveryProblemWithOriginKeyAndExpectation() {
        assertThatThrownBy(() -> resolve(file("ipport", "abc"), file("lanplus", "maybe"), file("privlvl", "root"),
                file("power_timeout", "-1"), file("colour", "red"), file("passwd_env", "NOT_SET")))
                .isInstanceOf(ParameterException.class)
                .satisfies(e -> assertThat(((ParameterException) e).problems()).containsExactlyInAnyOrder(
                        "f.yaml:3: ipport: expected a whole number, got 'abc'",
                        "f.yaml:3: lanplus: expected a boolean (yes/no, true/false, on/off, 1/0), got 'maybe'",
                        "f.yaml:3: privlvl: expected one of operator, administrator, got 'root'",
                        "f.yaml:3: power_timeout: expected a number of seconds, got '-1'",
                        "f.yaml:3: unknown parameter 'colour'; expected one of: ipaddr, ipport, lanplus, power_timeout,"
                                + " privlvl, passwd, passwd_file, passwd_env, passwd_script",
                        "f.yaml:3: passwd_env: environment variable 'NOT_SET' is not set; expected it to hold the passwd",
                        "missing required parameter 'ipaddr' (also accepted as ip): BMC address"));
    }

    @Test
    void unreadableSecretFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> resolve(file("ip", "h"), file("passwd_file", dir.resolve("missing").toString())))
                .hasMessageContaining("passwd_file: cannot read the secret file '" + dir.resolve("missing") + "': there"
                        + " is no such file");
    }

    @Test
    void sameParameterTwiceUnderTwoNamesIsAnError() {
        assertThatThrownBy(() -> resolve(file("ip", "a"), file("ipaddr", "b")))
                .hasMessageContaining("parameter 'ipaddr' is already given as 'ip'");
    }

    @Test
    void unknownKeysMayBeIgnored() throws Exception {
        Parameters p = DeclaredParameters.resolve(SPECS, List.of(file("ip", "h"), file("nodename", "pm02")),
                DeclaredParameters.Unknown.IGNORE, k -> null);
        assertThat(p.has("nodename")).isFalse();
        assertThat(p.string("ipaddr")).isEqualTo("h");
    }
}
