package org.fence4j.agents.protocol.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExternalPluginTest {
    @TempDir
    Path dir;
    private ToyDevice device;
    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void configure() {
        device = new ToyDevice(dir);
        env.put("hostlist", "pm01,pm02");
        env.put("state_dir", dir.toString());
        env.put("passwd", ToyAgentProvider.PASSWORD);
        env.put("PATH", "/usr/bin:/bin");
        env.put("HA_LOGTAG", "stonith/fence4j-toy");
        env.put("CRM_meta_st_device_id", "toy-pm02");
        env.put("FENCE4J_STATE_DIR", dir.resolve("state").toString());
    }

    private int run(String... args) {
        return new ExternalPlugin(AgentRegistry.of(List.of(new ToyAgentProvider())), env::get,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCallersTimeoutBoundsASecretScript() {
        env.remove("passwd");
        env.put("passwd_script", "sleep 30; echo " + ToyAgentProvider.PASSWORD);
        env.put("timeout", "4");
        assertTimeoutPreemptively(Duration.ofSeconds(9), () -> assertThat(run("toy", "off", "pm02")).isEqualTo(1));
        assertThat(err()).contains("did not print the passwd: it did not finish within 3 s and was killed");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void aHostLongerThanADnsNameIsAUsageErrorNamingTheLimit() {
        assertThat(run("toy", "reset", "n".repeat(254))).isEqualTo(1);
        assertThat(err()).isEqualTo("reset: HOST: a node name has at most 253 characters (a DNS name's limit); got"
                + " 254\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void resetPowersTheHostOffAndOnAndExitsZero() {
        device.setPower("pm02", PowerState.ON);

        assertThat(run("toy", "reset", "pm02")).isZero();

        assertThat(device.actions()).containsExactly("reset pm02");
        assertThat(device.power("pm02")).isEqualTo(PowerState.ON);
        assertThat(out()).isEqualTo("pm02 was reset\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void offAndOnChangeThePowerState() {
        assertThat(run("toy", "off", "pm02")).isZero();
        assertThat(device.power("pm02")).isEqualTo(PowerState.OFF);
        assertThat(run("toy", "on", "pm02")).isZero();
        assertThat(device.power("pm02")).isEqualTo(PowerState.ON);
        assertThat(device.actions()).containsExactly("off pm02", "on pm02");
    }

    @Test
    void statusIsTheDeviceNotTheNode() {
        device.setPower("pm02", PowerState.OFF);
        assertThat(run("toy", "status")).isZero();

        env.put("state_dir", dir.resolve("missing").toString());
        assertThat(run("toy", "status")).isEqualTo(1);
        assertThat(err()).contains("is not a writable directory");
    }

    @Test
    void gethostsPrintsOneHostPerLine() {
        assertThat(run("toy", "gethosts")).isZero();
        assertThat(out()).isEqualTo("pm01\npm02\n");
    }

    @ParameterizedTest
    @CsvSource({
            "getinfo-devid, Toy STONITH device",
            "getinfo-devname, Toy fencing device for tests",
            "getinfo-devdescr, 'A fencing device made of files & directories, for tests of <generic> code.'",
            "getinfo-devurl, https://example.invalid/toy"})
    void getinfoPrintsTheAgentInfoAsPlainText(String op, String expected) {
        env.clear(); // needs no configuration
        assertThat(run("toy", op)).isZero();
        assertThat(out()).isEqualTo(expected + "\n");
    }

    @Test
    void getconfignamesAndXmlNeedNoConfiguration() {
        env.clear();
        assertThat(run("toy", "getconfignames")).isZero();
        assertThat(out()).startsWith("hostlist\nstate_dir\npasswd\npasswd_file\n");
        out.reset();
        assertThat(run("toy", "getinfo-xml")).isZero();
        assertThat(out()).startsWith("<parameters>\n<parameter name=\"hostlist\" unique=\"1\" required=\"1\">\n");
    }

    @Test
    void unknownOperationExitsOneAndNamesTheOperations() {
        assertThat(run("toy", "poweroff", "pm02")).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("unknown operation 'poweroff'; expected one of: gethosts on off reset status"
                + " getconfignames getinfo-devid getinfo-devname getinfo-devdescr getinfo-devurl getinfo-xml\n");
    }

    @Test
    void resetWithoutHostFails() {
        assertThat(run("toy", "reset")).isEqualTo(1);
        assertThat(err()).isEqualTo("reset: missing host argument; usage: reset HOST\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void unknownAgentTypeFails() {
        assertThat(run("nosuch", "status")).isEqualTo(1);
        assertThat(err()).isEqualTo("unknown agent type 'nosuch'; installed agent types: toy\n");
    }

    @Test
    void badParameterGivesOneLineNamingTheVariable() {
        env.put("wait_ms", "soon");

        assertThat(run("toy", "reset", "pm02")).isEqualTo(1);

        assertThat(err()).isEqualTo("toy: environment variable wait_ms: wait_ms: expected a whole number, got 'soon'\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void missingRequiredParameterIsNamed() {
        env.remove("state_dir");
        assertThat(run("toy", "gethosts")).isEqualTo(1);
        assertThat(err()).startsWith("toy: missing required parameter 'state_dir'");
        assertThat(out()).isEmpty();
    }

    @Test
    void aliasesAndSecretSourcesAreReadFromTheEnvironment() {
        env.remove("hostlist");
        env.put("hosts", "pm02");
        env.remove("passwd");
        env.put("passwd_env", "TOY_PW");
        env.put("TOY_PW", ToyAgentProvider.PASSWORD);

        assertThat(run("toy", "off", "pm02")).isZero();
        assertThat(device.power("pm02")).isEqualTo(PowerState.OFF);
    }

    @Test
    void failingDeviceExitsNonZeroAndTellsWhy() {
        env.put("mode", "fail");
        assertThat(run("toy", "reset", "pm02")).isEqualTo(1);
        assertThat(err()).isEqualTo("toy device refused reset (mode=fail)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void anAgentThatBreaksGivesOneLineNotAStackTrace() throws Exception {
        FenceAgentProvider broken = mock(FenceAgentProvider.class);
        when(broken.type()).thenReturn("broken");
        when(broken.parameters()).thenReturn(List.of());
        when(broken.actions()).thenReturn(EnumSet.of(FenceAction.RESET));
        when(broken.create(any())).thenThrow(new IllegalStateException("no socket"));
        ExternalPlugin plugin = new ExternalPlugin(AgentRegistry.of(List.of(broken)), env::get,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(plugin.run(new String[] {"broken", "reset", "pm02"})).isEqualTo(1);
        assertThat(err()).isEqualTo("reset: agent type broken broke: IllegalStateException: no socket\n");
    }

    @Test
    void hostNotFencedByThisDeviceFails() {
        assertThat(run("toy", "reset", "pm09")).isEqualTo(1);
        assertThat(err()).contains("pm09 is not in this device's hostlist");
    }

    @Test
    void wrongPasswordFailsWithoutShowingAnyPassword() {
        env.put("passwd", "not-the-password");
        assertThat(run("toy", "reset", "pm02")).isEqualTo(1);
        assertThat(out() + err()).doesNotContain("not-the-password").doesNotContain(ToyAgentProvider.PASSWORD);
        assertThat(device.actions()).isEmpty();
    }
}
