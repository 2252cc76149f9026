package org.fence4j.agents.protocol.fenceagents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fence4j.agents.chain.Fencer;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.Nobody;
import org.fence4j.agents.testing.SyslogSocket;
import org.fence4j.agents.testing.ToyAgentProvider;
import org.fence4j.agents.testing.ToyDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class FenceAgentsCommandTest {
    @TempDir
    Path dir;
    private ToyDevice device;
    private String config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void configure() {
        device = new ToyDevice(dir);
        config = "hostlist=pm01 pm02\nstate_dir=" + dir + "\npasswd=" + ToyAgentProvider.PASSWORD + "\n";
    }

    private int stdin(String lines) {
        return command(lines).run(new String[] {"toy"});
    }

    private int argv(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "toy";
        System.arraycopy(args, 0, all, 1, args.length);
        return command("").run(all);
    }

    private FenceAgentsCommand command(String stdin) {
        return command(stdin, null);
    }

    private FenceAgentsCommand command(String stdin, String name) {
        return new FenceAgentsCommand(AgentRegistry.of(List.of(new ToyAgentProvider())),
                Map.of("TOY_PW", ToyAgentProvider.PASSWORD, "FENCE4J_STATE_DIR", dir.resolve("state").toString())::get,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                name);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rebootFromStdinAsPacemakerSendsIt() {
        assertThat(stdin("action=reboot\nnodename=pm02\nport=pm02\n" + config)).isZero();

        assertThat(out()).isEqualTo("Success: Rebooted\n");
        assertThat(err()).isEmpty();
        assertThat(device.actions()).containsExactly("reset pm02");
    }

    @Test
    void nodenameIsTheTargetWhenNoPortIsGiven() {
        assertThat(stdin("action=off\nnodename=pm01\n" + config)).isZero();
        assertThat(out()).isEqualTo("Success: Powered OFF\n");
        assertThat(device.power("pm01")).isEqualTo(PowerState.OFF);
        assertThat(device.power("pm02")).isEqualTo(PowerState.ON);
    }

    @Test
    void plugWinsOverNodename() {
        assertThat(stdin("action=off\nnodename=pm01\nplug=pm02\n" + config)).isZero();
        assertThat(device.power("pm02")).isEqualTo(PowerState.OFF);
        assertThat(device.power("pm01")).isEqualTo(PowerState.ON);
    }

    @Test
    void statusExitsZeroForOnAndTwoForOff() {
        assertThat(stdin("action=status\nport=pm02\n" + config)).isZero();
        assertThat(out()).isEqualTo("Status: ON\n");

        device.setPower("pm02", PowerState.OFF);
        out.reset();
        assertThat(stdin("action=status\nport=pm02\n" + config)).isEqualTo(2);
        assertThat(out()).isEqualTo("Status: OFF\n");
    }

    @Test
    void onFromTheCommandLine() {
        device.setPower("pm02", PowerState.OFF);
        assertThat(argv("-o", "on", "--hostlist=pm02", "--state-dir", dir.toString(), "--passwd-env=TOY_PW",
                "-n", "pm02")).isZero();
        assertThat(out()).isEqualTo("Success: Powered ON\n");
        assertThat(device.power("pm02")).isEqualTo(PowerState.ON);
    }

    @Test
    void failureExitsOneWithTheReasonOnStderr() {
        assertThat(stdin("action=reboot\nport=pm02\nmode=fail\n" + config)).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("ERROR: Failed: toy device refused reset (mode=fail)\n");
    }

    @Test
    void statusOfAFailingDeviceIsOneNotOff() {
        assertThat(stdin("action=status\nport=pm02\nmode=fail\n" + config)).isEqualTo(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownActionIsRefused() {
        assertThat(stdin("action=explode\nport=pm02\n" + config)).isEqualTo(1);
        assertThat(err()).isEqualTo("ERROR: Failed: Unrecognised action 'explode'\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void fencingWithoutTargetIsRefused() {
        assertThat(stdin("action=off\n" + config)).isEqualTo(1);
        assertThat(err()).isEqualTo("ERROR: Failed: You have to enter plug number or machine identification\n");
    }

    @Test
    void statusWithoutAPlugAsksTheDeviceInsteadOfRefusing() {
        // the toy device knows no node without a name; an ipmi device reads its BMC (FenceIpmilanCompatibilityIT)
        assertThat(stdin("action=status\n" + config)).isEqualTo(1);
        assertThat(err()).doesNotContain("You have to enter plug number").contains("null is not in this device's hostlist");
    }

    /** An agent with an ip, as ipmi's and redfish's: what it is made with, and the target it is asked about. */
    private record Addressed(FenceAgentProvider provider, FenceAgent agent, ArgumentCaptor<Parameters> made) {
        static Addressed mocked() throws Exception {
            FenceAgentProvider provider = mock(FenceAgentProvider.class);
            when(provider.type()).thenReturn("addressed");
            when(provider.parameters()).thenReturn(List.of(ParameterSpec.string("ip", "Address").asRequired()
                    .withAliases("ipaddr").withShortOption('a')));
            when(provider.actions()).thenCallRealMethod();
            FenceAgent agent = mock(FenceAgent.class);
            when(agent.execute(any(), any(), any())).thenReturn(FenceResult.power(PowerState.ON, "on"));
            ArgumentCaptor<Parameters> made = ArgumentCaptor.forClass(Parameters.class);
            when(provider.create(made.capture())).thenReturn(agent);
            return new Addressed(provider, agent, made);
        }

        int run(String stdin, PrintStream out, PrintStream err, String... args) {
            String[] all = new String[args.length + 1];
            all[0] = "addressed";
            System.arraycopy(args, 0, all, 1, args.length);
            return new FenceAgentsCommand(AgentRegistry.of(List.of(provider)), Map.<String, String>of()::get,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, null).run(all);
        }
    }

    @Test
    void portAsIpMakesPlugTheDevicesAddressOnStdinAndArgvAndNodenameTheTarget() throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Addressed a = Addressed.mocked();
        // as pacemaker-fenced sends it for one device entry of many nodes, pcmk_host_map pm02:127.0.0.2
        assertThat(a.run("action=status\nnodename=pm02\nport=127.0.0.2\nport_as_ip=1\n", o, e))
                .as(err()).isZero();
        assertThat(a.made().getValue().string("ip")).isEqualTo("127.0.0.2");
        verify(a.agent()).execute(eq(FenceAction.STATUS), eq("pm02"), any());

        assertThat(a.run("", o, e, "-o", "validate-all", "--port-as-ip", "-n", "127.0.0.3")).as(err()).isZero();
        assertThat(a.made().getValue().string("ip")).isEqualTo("127.0.0.3");
        // without it plug names the node, and ip is required
        assertThat(a.run("action=validate-all\nport=127.0.0.2\n", o, e)).isEqualTo(1);
        assertThat(err()).contains("missing required parameter 'ip'");
    }

    @Test
    void portAsIpWithAnotherIpIsRefusedAndWithoutAnIpNotSupported() throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Addressed a = Addressed.mocked();
        assertThat(a.run("action=status\nport=127.0.0.2\nport_as_ip=1\nip=127.0.0.9\n", o, e)).isEqualTo(1);
        assertThat(err()).contains("parameter 'ip' is already given as 'ip' (stdin line 4) with another value");
        verify(a.provider(), never()).create(any());

        err.reset();
        assertThat(stdin("action=status\nport=pm02\nport_as_ip=1\n" + config)).isEqualTo(1);
        assertThat(err()).isEqualTo("ERROR: port_as_ip: not supported: fence_toy has no ip for plug to stand for\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void helpVersionAndManpageNeedNoConfiguration() {
        assertThat(command("", "fence_fence4j_toy").run(new String[] {"toy", "-h"})).isZero();
        assertThat(out()).startsWith("Usage:\n\tfence_fence4j_toy [options]\nOptions:\n")
                .contains("   -o, --action=[action]", "   --hostlist=[hostlist]", "   -n, --plug=[plug]",
                        "   -v, --verbose", "   -D, --debug-file=[debug_file]", "   -h, --help",
                        "   --passwd=[passwd]              Device password (stdin only)\n",
                        "   --passwd-file=[passwd_file]    File whose first line is the device password\n");
        out.reset();
        assertThat(argv("--version")).isZero();
        assertThat(out()).startsWith("fence4j ");
        out.reset();
        assertThat(stdin("action=manpage\n")).isZero();
        assertThat(out()).startsWith("<?xml version=\"1.0\" ?>\n<resource-agent name=\"fence_toy\"");
        assertThat(err()).isEmpty();
    }

    @Test
    void aDebugFileThatIsASymbolicLinkIsSkippedAndTheFenceRuns() throws Exception {
        Path target = java.nio.file.Files.writeString(dir.resolve("precious"), "keep\n");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("debug.log"), target);
        assertThat(stdin("action=off\nport=pm02\ndebug_file=" + link + "\n" + config)).isZero();
        assertThat(out()).isEqualTo("Success: Powered OFF\n");
        assertThat(err()).startsWith("ERROR: debug_file: cannot append to '" + link + "'")
                .contains("; the log goes to stderr instead\n");
        assertThat(java.nio.file.Files.readString(target)).isEqualTo("keep\n");
        assertThat(device.actions()).containsExactly("off pm02");
        err.reset();
        assertThat(stdin("action=validate-all\ndebug_file=" + link + "\n" + config)).isEqualTo(1);
        assertThat(err()).startsWith("ERROR: debug_file: cannot append to '" + link + "'")
                .endsWith("ERROR: validate-all failed\n");
    }

    @Test
    void aDebugFilePlantedAsAFifoOrByAnotherUserBlocksNoFence() throws Exception {
        // /tmp is where debug files go, and where another user can put something first
        Path fifo = dir.resolve("debug.fifo");
        assertThat(ChildProcess.run(List.of("mkfifo", fifo.toString()), Map.of(), "", Duration.ofSeconds(30))
                .exitCode()).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThat(stdin("action=reboot\nport=pm02\ndebug_file=" + fifo + "\n" + config)).isZero());
        assertThat(err()).startsWith("ERROR: debug_file: cannot append to '" + fifo + "': it is a symbolic link or"
                + " not a regular file");
        err.reset();
        Path nowhere = dir.resolve("no-such-dir/debug.log");
        assertThat(stdin("action=reboot\nport=pm02\ndebug_file=" + nowhere + "\n" + config)).isZero();
        assertThat(err()).startsWith("ERROR: debug_file: cannot append to '" + nowhere + "': there is no such file");
        assertThat(device.actions()).containsExactly("reset pm02", "reset pm02");
        Nobody.assumeRoot();
        Path theirs = java.nio.file.Files.writeString(dir.resolve("debug.log"), "");
        Nobody.own(theirs); // they would read what root appends
        err.reset();
        assertThat(stdin("action=off\nport=pm02\ndebug_file=" + theirs + "\n" + config)).isZero();
        assertThat(err()).startsWith("ERROR: debug_file: cannot append to '" + theirs + "': debug file " + theirs
                + " is owned by nobody (uid 65534)");
        assertThat(java.nio.file.Files.readString(theirs)).isEmpty();
        assertThat(device.actions()).containsExactly("reset pm02", "reset pm02", "off pm02");
    }

    @Test
    void theCallersTimeoutBoundsASecretScript() {
        // Pacemaker kills the agent at its timeout: a slow passwd_script must fail before that, saying why
        String slow = "hostlist=pm01 pm02\nstate_dir=" + dir + "\npasswd_script=sleep 30; echo "
                + ToyAgentProvider.PASSWORD + "\n";
        assertTimeoutPreemptively(Duration.ofSeconds(9), () ->
                assertThat(stdin("action=off\nport=pm02\ntimeout=4\n" + slow)).isEqualTo(1));
        assertThat(err()).contains("did not print the passwd: it did not finish within 3 s and was killed");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void aNodeNameLongerThanADnsNameIsAUsageErrorNamingTheLimit() {
        assertThat(stdin("action=off\nport=" + "n".repeat(254) + "\n" + config)).isEqualTo(1);
        assertThat(err()).isEqualTo("ERROR: plug: a node name has at most 253 characters (a DNS name's limit); got"
                + " 254\n");
        err.reset();
        assertThat(stdin("action=on\nport=pm02\nnodename=" + "n".repeat(300) + "\n" + config)).isEqualTo(1);
        assertThat(err()).startsWith("ERROR: nodename: a node name has at most 253 characters");
        assertThat(device.actions()).isEmpty();

        String longName = "n+".repeat(60); // escaped ("n%2b"), its lock file's name is cut and ends in a digest
        assertThat(stdin("action=off\nport=" + longName + "\n" + config.replace("pm02\n", "pm02 " + longName + "\n")))
                .as(err()).isZero();
        assertThat(device.actions()).containsExactly("off " + longName);
    }

    @Test
    void monitorAndListNeedNoTarget() {
        assertThat(stdin("action=monitor\n" + config)).isZero();
        assertThat(out()).isEmpty();
        assertThat(stdin("action=list\n" + config)).isZero();
        assertThat(out()).isEqualTo("pm01,pm01\npm02,pm02\n");
    }

    @Test
    void powerActionsAndAMonitorThatFailsAfterOneThatSucceededAreRecordedInTheHistory() throws Exception {
        Path toy = Files.createDirectory(dir.resolve("toy"));
        String device = "hostlist=pm01 pm02\nstate_dir=" + toy + "\npasswd=" + ToyAgentProvider.PASSWORD + "\n";
        assertThat(stdin("action=reboot\nport=pm02\n" + device)).as(err()).isZero();
        assertThat(stdin("action=status\nport=pm02\n" + device)).isZero();
        assertThat(stdin("action=monitor\n" + device)).isZero();
        Files.move(toy, dir.resolve("toy-gone")); // the device breaks: its monitor fails from now on
        assertThat(stdin("action=monitor\n" + device)).isEqualTo(1);
        assertThat(stdin("action=monitor\n" + device)).isEqualTo(1);
        assertThat(Fencer.history(dir.resolve("state")).read(Optional.empty(), 10))
                .extracting(e -> e.action() + " " + e.target() + " " + e.outcome() + " by " + e.device())
                .containsExactly("reset pm02 SUCCESS by fence_toy", "monitor pm01,pm02 FAILURE by fence_toy");
    }

    @Test
    void aPowerActionTellsSyslogWhenItStartsAndHowItEnded() throws Exception {
        SyslogSocket.assumeLogger();
        try (SyslogSocket syslog = new SyslogSocket(dir.resolve("log"))) {
            FenceAgentsCommand command = new FenceAgentsCommand(AgentRegistry.of(List.of(new ToyAgentProvider())),
                    Map.of("FENCE4J_STATE_DIR", dir.resolve("state").toString(), "FENCE4J_SYSLOG_SOCKET",
                            syslog.path.toString(), "PCMK_service", "pacemaker-fenced")::get,
                    new ByteArrayInputStream(("action=reboot\nport=pm02\n" + config).getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    "fence_fence4j_toy");
            assertThat(command.run(new String[] {"toy"})).as(err()).isZero();
            Duration limit = Duration.ofSeconds(20);
            assertThat(syslog.await("Fencing pm02 (reset) through", limit).text()).endsWith(": Fencing pm02 (reset)"
                    + " through fence_fence4j_toy, requested by pacemaker-fenced.");
            assertThat(syslog.await("Fencing pm02 (reset) by", limit).text())
                    .matches(".*: Fencing pm02 \\(reset\\) by fence_fence4j_toy succeeded in [0-9.]+ (ms|s): .+\\.$");
        }
    }

    @Test
    void listStatusReadsEveryTargetsPower() {
        device.setPower("pm01", PowerState.OFF);
        assertThat(stdin("action=list-status\n" + config)).isZero();
        assertThat(out()).isEqualTo("pm01,pm01,OFF\npm02,pm02,ON\n");
    }

    @Test
    void anAgentThatBreaksGivesOneLineNotAStackTrace() throws Exception {
        FenceAgentProvider broken = mock(FenceAgentProvider.class);
        when(broken.type()).thenReturn("broken");
        when(broken.parameters()).thenReturn(List.of());
        when(broken.create(any())).thenThrow(new IllegalStateException("no socket"));
        FenceAgentsCommand command = new FenceAgentsCommand(AgentRegistry.of(List.of(broken)), name -> null,
                new ByteArrayInputStream("action=monitor\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null);

        assertThat(command.run(new String[] {"broken"})).isEqualTo(1);
        assertThat(err()).isEqualTo("ERROR: Failed: fence_broken broke: IllegalStateException: no socket\n");
    }

    @Test
    void metadataUsesTheNameTheLauncherGives() {
        FenceAgentsCommand command = command("", "fence_fence4j_toy");

        assertThat(command.run(new String[] {"toy", "-o", "metadata"})).isZero();
        assertThat(out()).startsWith("<?xml version=\"1.0\" ?>\n<resource-agent name=\"fence_fence4j_toy\"");
    }

    @Test
    void metadataNeedsNoConfiguration() {
        assertThat(argv("-o", "metadata")).isZero();
        assertThat(out()).startsWith("<?xml version=\"1.0\" ?>\n<resource-agent name=\"fence_toy\"");
        out.reset();
        assertThat(stdin("action=meta-data\n")).isZero();
        assertThat(out()).endsWith("</resource-agent>\n");
    }

    @Test
    void validateAllChecksWithoutTouchingTheDevice() {
        assertThat(stdin("action=validate-all\n" + config)).isZero();
        assertThat(stdin("action=validate-all\nhostlist=pm02\nwait_ms=x\n")).isEqualTo(1);
        assertThat(err()).contains("ERROR: stdin line 3: wait_ms: expected a whole number, got 'x'\n")
                .contains("ERROR: missing required parameter 'state_dir'")
                .endsWith("ERROR: validate-all failed\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void unknownKeysAreWarnedAndIgnoredUnlessQuiet() {
        assertThat(stdin("action=monitor\nagent=fence_toy\n" + config)).isZero();
        assertThat(err()).isEqualTo("WARNING: Parse error: Ignoring unknown option 'agent'\n");
        err.reset();
        assertThat(stdin("action=monitor\nagent=fence_toy\nquiet=1\n" + config)).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void delayThatLeavesNoTimeFailsBeforeFencing() {
        assertThat(stdin("action=off\nport=pm02\ndelay=5\ntimeout=1\n" + config)).isEqualTo(1);
        assertThat(err()).isEqualTo("ERROR: Failed: the delay of 5 s leaves no time to fence within the timeout\n");
        assertThat(device.actions()).isEmpty();
    }

    @Test
    void delayIsHonouredBeforeFencing() {
        long start = System.nanoTime();
        assertThat(stdin("action=off\nport=pm02\ndelay=0.3\n" + config)).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(device.power("pm02")).isEqualTo(PowerState.OFF);
    }

    @Test
    void agentOverrunningTheTimeoutIsAFailure() {
        assertThat(stdin("action=reboot\nport=pm02\nmode=hang\ntimeout=0\n" + config)).isEqualTo(1);
        assertThat(err()).isEqualTo("ERROR: Failed: timed out: reset did not finish within its time limit\n");
    }

    @Test
    void badStandardOptionIsNamed() {
        assertThat(stdin("action=off\nport=pm02\ndelay=soon\n" + config)).isEqualTo(1);
        assertThat(err()).isEqualTo("ERROR: stdin line 3: delay: expected a number of seconds, got 'soon'\n");
    }
}
