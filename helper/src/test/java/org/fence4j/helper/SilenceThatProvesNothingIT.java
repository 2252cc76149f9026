package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.process.ExecutableSearch;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * fence_fence4j_helper run inside the namespace, as pm02 fencing pm01 (this host's end of the
 * veth), with the real ping and the namespace's own routes, links and firewall: silence that
 * proves nothing (no route, the interface set down, a firewall on the helper's node dropping its
 * echo requests) fails the level instead of calling pm01 dead, and monitor says why. Nothing the
 * namespace sends can leave the veth. Needs root and {@code ip}; the firewall case, {@code nft}.
 */
class SilenceThatProvesNothingIT {
    private static final String FIREWALL = "f4j-drop-echo";
    @RegisterExtension
    static final TestNamespace.PerClass pm02 = new TestNamespace.PerClass();
    private boolean firewall;

    @AfterEach
    void removeTheFirewall() throws Exception {
        if (firewall) {
            pm02.get().runInside("nft", "delete", "table", "inet", FIREWALL);
        }
    }

    /** fence_fence4j_helper inside pm02's namespace for pm01 probing {@code deadCheckTarget}. */
    private static ChildProcess.Result helper(String action, String deadCheckTarget) {
        List<String> command = pm02.get().inside(ChildProcess.java(FenceAgentsCommand.class, List.of("helper")));
        String input = "action=" + action + "\nplug=pm01\nhostlist=pm01\ndead_check_target=" + deadCheckTarget
                + "\ndead_check_trialcount=2\nrun_standby_wait=no\n";
        return ChildProcess.run(command, Map.of(), input, Duration.ofSeconds(60));
    }

    private static String bothAddresses() {
        TestNamespace ns = pm02.get();
        return ns.hostIpv4 + " " + ns.hostIpv6() + "%" + ns.peerLink;
    }

    @Test
    void anAnswerFailsTheLevel() {
        ChildProcess.Result reboot = helper("reboot", bothAddresses());

        assertThat(reboot.exitCode()).as(reboot.all()).isEqualTo(1);
        assertThat(reboot.stderr()).contains(" answered");
    }

    /** The control: a link whose other end went down is what a powered-off peer on a direct cable looks like. */
    @Test
    void silenceFromAPeerThatIsGoneIsDeath() throws Exception {
        pm02.get().setHostLink(false);

        ChildProcess.Result reboot = helper("reboot", bothAddresses());

        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(reboot.stdout()).isEqualTo("Success: Rebooted\n");
    }

    @Test
    void noRouteIsNoSilence() {
        ChildProcess.Result reboot = helper("reboot", "169.254.78.1");
        ChildProcess.Result monitor = helper("monitor", "169.254.78.1");

        assertThat(reboot.exitCode()).as(reboot.all()).isEqualTo(1);
        assertThat(reboot.stderr()).contains("169.254.78.1", "Network is unreachable", "pm01 is not confirmed dead");
        assertThat(monitor.exitCode()).as(monitor.all()).isEqualTo(1);
        assertThat(monitor.stderr()).contains("169.254.78.1: this host has no route to it");
    }

    @Test
    void anInterfaceSetDownIsNoSilence() throws Exception {
        pm02.get().setPeerLink(false);

        TestNamespace ns = pm02.get();
        for (String address : List.of(ns.hostIpv6() + "%" + ns.peerLink, ns.hostIpv4 + "%" + ns.peerLink)) {
            ChildProcess.Result reboot = helper("reboot", address);
            ChildProcess.Result monitor = helper("monitor", address);

            assertThat(reboot.exitCode()).as(reboot.all()).isEqualTo(1);
            assertThat(reboot.stdout()).doesNotContain("Success");
            assertThat(reboot.stderr()).contains(address, "pm01 is not confirmed dead");
            assertThat(monitor.exitCode()).as(monitor.all()).isEqualTo(1);
            assertThat(monitor.stderr()).contains(address + ": ");
        }
    }

    @Test
    void aFirewallDroppingTheEchoRequestsIsNoSilence() throws Exception {
        assumeTrue(ExecutableSearch.ofEnvironment().test("nft"), "nftables' nft is not installed");
        pm02.get().runInside("nft", "add", "table", "inet", FIREWALL);
        firewall = true;
        pm02.get().runInside("nft", "add", "chain", "inet", FIREWALL, "out",
                "{ type filter hook output priority 0; policy accept; }");
        pm02.get().runInside("nft", "add", "rule", "inet", FIREWALL, "out", "icmp", "type", "echo-request", "drop");
        pm02.get().runInside("nft", "add", "rule", "inet", FIREWALL, "out", "icmpv6", "type", "echo-request", "drop");

        ChildProcess.Result reboot = helper("reboot", bothAddresses());

        assertThat(reboot.exitCode()).as(reboot.all()).isEqualTo(1);
        assertThat(reboot.stdout()).doesNotContain("Success");
        assertThat(reboot.stderr()).contains("discarded", "pm01 is not confirmed dead");
    }
}
