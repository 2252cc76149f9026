package org.fence4j.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.redfish.sim.SimulatedRedfishBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fence_redfish's options that fencing.py gives every agent (delay, power_wait, retry_on,
 * power_timeout, login_timeout, shell_timeout, port_as_ip), on the command line and on stdin, through the fence-agents front end
 * in a JVM of its own as the launcher runs it, against the simulated Redfish BMC.
 */
class RedfishFenceAgentOptionsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    private SimulatedRedfishBmc bmc;

    @BeforeEach
    void start() {
        bmc = RedfishLab.bmc().start();
    }

    @AfterEach
    void stop() {
        bmc.close();
    }

    private Map<String, String> environment() {
        return Map.of("FENCE4J_STATE_DIR", dir.resolve("state").toString(), "RF_PASSWORD", RedfishLab.PASSWORD);
    }

    /** fence_redfish's command line, the certificate pinned; {@code device} false: plug gives the address. */
    private ChildProcess.Result argv(boolean device, String... more) {
        List<String> args = new ArrayList<>(List.of("redfish", "-u", String.valueOf(bmc.port()), "-l", "admin",
                "--password-env", "RF_PASSWORD", "--ssl-fingerprint", bmc.certificate().fingerprint()));
        if (device) {
            args.addAll(List.of("-a", "127.0.0.1"));
        }
        args.addAll(Arrays.asList(more));
        return ChildProcess.run(ChildProcess.java(FenceAgentsCommand.class, args), environment(), "", LIMIT);
    }

    /** What pacemaker-fenced writes to the agent's stdin, then {@code more}; without an ip if more gives none. */
    private ChildProcess.Result stdin(String... more) {
        List<String> lines = new ArrayList<>(List.of("nodename=pm02", "ipport=" + bmc.port(), "username=admin",
                "password=" + RedfishLab.PASSWORD, "ssl_fingerprint=" + bmc.certificate().fingerprint()));
        if (Arrays.stream(more).noneMatch(l -> l.startsWith("port_as_ip="))) {
            lines.add("ip=127.0.0.1");
        }
        lines.addAll(Arrays.asList(more));
        return ChildProcess.run(ChildProcess.java(FenceAgentsCommand.class, List.of("redfish")), environment(),
                String.join("\n", lines) + "\n", LIMIT);
    }

    @Test
    void delayWaitsBeforeFencingAndADelayPastTheTimeoutSendsNothing() {
        ChildProcess.Result tooLong = argv(true, "-o", "off", "-n", "pm02", "--delay", "5", "--timeout", "3");
        assertThat(tooLong.exitCode()).as(tooLong.all()).isEqualTo(1);
        assertThat(tooLong.stderr()).contains("the delay of 5 s leaves no time to fence within the timeout");
        ChildProcess.Result tooLongOnStdin = stdin("action=off", "delay=5", "timeout=3");
        assertThat(tooLongOnStdin.stderr()).contains("the delay of 5 s leaves no time to fence within the timeout");
        assertThat(bmc.requests()).isEmpty();

        long start = System.nanoTime();
        ChildProcess.Result reboot = stdin("action=reboot", "delay=1");
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        ChildProcess.Result status = argv(true, "-o", "status", "--delay", "5", "--timeout", "3");
        // as fencing.py: only a fence waits; a status answers at once
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");
    }

    @Test
    void powerWaitPausesBetweenTheConfirmedOffAndPowerOn() {
        // on stdin: a pause past the deadline is not begun; the node is fenced (off, read back) and left off
        ChildProcess.Result tooLong = stdin("action=reboot", "power_wait=30", "timeout=10");
        assertThat(tooLong.exitCode()).as(tooLong.all()).isZero();
        assertThat(bmc.resets("1")).containsExactly("ForceOff");
        assertThat(bmc.powerState("1")).isEqualTo("Off");

        bmc.setPower("1", true);
        long start = System.nanoTime();
        ChildProcess.Result reboot = argv(true, "-o", "reboot", "-n", "pm02", "--power-wait", "1");
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "ForceOff", "On");
    }

    @Test
    void retryOnSendsPowerUpAgainWhileTheNodeStaysOffForPowerTimeout() {
        bmc.setPower("1", false);
        bmc.faults().stuckOff(true);
        ChildProcess.Result on = argv(true, "-o", "on", "-n", "pm02", "--retry-on", "2", "--power-timeout", "0.5");
        assertThat(on.exitCode()).as(on.all()).isEqualTo(1);
        assertThat(on.stderr()).contains("pm02 is still powered off 0.5 s after power up (sent 3 times, retry_on).");
        assertThat(bmc.resets("1")).containsExactly("On", "On", "On");

        ChildProcess.Result once = stdin("action=on", "retry_on=0", "power_timeout=0.5");
        assertThat(once.exitCode()).as(once.all()).isEqualTo(1);
        assertThat(bmc.resets("1")).containsExactly("On", "On", "On", "On");
    }

    @Test
    void fenceRedfishsTimeoutsAreTakenOnBothWays() {
        // what each one bounds: RedfishAgentSimulatedBmcTest
        ChildProcess.Result status = argv(true, "-o", "status", "--login-timeout", "5", "--shell-timeout", "3",
                "--power-timeout", "10");
        assertThat(status.exitCode()).as(status.all()).isZero();
        ChildProcess.Result off = stdin("action=off", "login_timeout=5", "shell_timeout=3", "power_timeout=10");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(bmc.resets("1")).containsExactly("ForceOff");
    }

    @Test
    void portAsIpTakesTheBmcsAddressFromPlugAndTheNodeFromNodename() {
        // one device entry for many nodes: pcmk_host_map pm02:127.0.0.1 makes the fencer pass port=127.0.0.1
        ChildProcess.Result reboot = stdin("action=reboot", "port=127.0.0.1", "port_as_ip=1", "hostname=pm02");
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(reboot.stdout()).isEqualTo("Success: Rebooted\n");
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");

        ChildProcess.Result status = argv(false, "-o", "status", "--port-as-ip", "-n", "127.0.0.1");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.stdout()).isEqualTo("Status: ON\n");

        ChildProcess.Result elsewhere = stdin("action=off", "port=127.0.0.1", "port_as_ip=1", "ip=127.0.0.2");
        assertThat(elsewhere.exitCode()).isEqualTo(1);
        assertThat(elsewhere.stderr()).contains("parameter 'ip' is already given as 'ip'", "with another value");
        assertThat(bmc.resets("1")).containsExactly("ForceOff", "On");
    }
}
