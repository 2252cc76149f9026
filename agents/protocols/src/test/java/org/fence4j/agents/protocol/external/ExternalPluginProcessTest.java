package org.fence4j.agents.protocol.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin as cluster-glue runs it: a child process, parameters in its environment. */
class ExternalPluginProcessTest {
    private static final CapturedOutput CAPTURED = new CapturedOutput();

    @TempDir
    Path dir;
    private ToyDevice device;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void configure() {
        device = new ToyDevice(dir);
        env.put("hostlist", "pm01 pm02");
        env.put("state_dir", dir.toString());
        env.put("passwd", ToyAgentProvider.PASSWORD);
        env.put("HA_LOGTAG", "stonith/fence4j-toy");
    }

    private ChildProcess.Result plugin(String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("FENCE4J_STATE_DIR", dir.resolve("state").toString()); // never the host's /var/lib/fence4j
        return CAPTURED.keep(ChildProcess.run(ChildProcess.java(ExternalPlugin.class, List.of(args)), all, "",
                Duration.ofSeconds(60)));
    }

    @Test
    void resetThenGethostsThenStatus() {
        ChildProcess.Result reset = plugin("toy", "reset", "pm02");
        assertThat(reset.exitCode()).isZero();
        assertThat(reset.stdout()).isEqualTo("pm02 was reset\n");
        assertThat(reset.stderr()).isEmpty();
        assertThat(device.actions()).containsExactly("reset pm02");

        ChildProcess.Result hosts = plugin("toy", "gethosts");
        assertThat(hosts.exitCode()).isZero();
        assertThat(hosts.stdout()).isEqualTo("pm01\npm02\n");

        assertThat(plugin("toy", "status").exitCode()).isZero();
    }

    @Test
    void offReadsTheSecretFromAFileNamedInTheEnvironment() throws IOException {
        Path secret = SecretFiles.write(dir.resolve("toy.passwd"), ToyAgentProvider.PASSWORD + "\n");
        env.remove("passwd");
        env.put("passwd_file", secret.toString());

        ChildProcess.Result off = plugin("toy", "off", "pm02");

        assertThat(off.exitCode()).isZero();
        assertThat(device.power("pm02")).isEqualTo(PowerState.OFF);
    }

    @Test
    void failuresExitNonZeroWithOneLineOnStderr() {
        env.put("mode", "fail");
        ChildProcess.Result failed = plugin("toy", "reset", "pm02");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stdout()).isEmpty();
        assertThat(failed.stderr()).isEqualTo("toy device refused reset (mode=fail)\n");

        env.put("mode", "sometimes");
        ChildProcess.Result bad = plugin("toy", "reset", "pm02");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).isEqualTo(
                "toy: environment variable mode: mode: expected one of normal, fail, hang, got 'sometimes'\n");

        ChildProcess.Result unknown = plugin("toy", "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void metadataOperationsPrintWellFormedData() {
        env.clear();
        ChildProcess.Result xml = plugin("toy", "getinfo-xml");
        assertThat(xml.exitCode()).isZero();
        assertThat(org.fence4j.agents.testing.XmlDocuments.parse(xml.stdout()).getDocumentElement().getNodeName())
                .isEqualTo("parameters");
        ChildProcess.Result names = plugin("toy", "getconfignames");
        assertThat(names.stdout().split("\n")).contains("hostlist", "state_dir", "passwd", "passwd_file", "mode");
    }

    @Test
    void wrongSecretAndSecretLikeTyposNeverReachTheOutput() {
        env.put("pasword", ToyAgentProvider.PASSWORD);
        env.put("passwd", ToyAgentProvider.PASSWORD + "-wrong");
        ChildProcess.Result denied = plugin("toy", "reset", "pm02");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.stderr()).isEqualTo("toy device denied the login (wrong password)\n");
        assertThat(device.actions()).isEmpty();
    }

    @AfterAll
    static void noOutputShowsTheSecret() {
        assertThat(CAPTURED.size()).isGreaterThanOrEqualTo(8);
        CAPTURED.assertNeverShows(ToyAgentProvider.PASSWORD);
    }
}
