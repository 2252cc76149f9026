package org.fence4j.agents.protocol.fenceagents;

import java.util.Map;
import java.util.Optional;

/**
 * fence_ipmilan's options that fence4j does not take, each with the reason: refused with it on the
 * command line and on stdin, rather than ignored, so that nobody believes a setting is in force.
 * The README's "fence_ipmilan compatibility" lists the same.
 */
final class RefusedOptions {
    private static final String NO_IPMITOOL = "fence4j speaks IPMI itself and runs no ipmitool";
    private static final String NO_SUDO = "fence4j runs no third-party program, so nothing needs sudo";

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("auth", "IPMI 1.5 authentication types are not spoken; with lanplus (RMCP+) the cipher suite"
                    + " authenticates (parameter cipher)"),
            Map.entry("target", "IPMI bridging to another target address is not spoken"),
            Map.entry("port_as_ip", "plug names the node to fence; give the BMC's address in ip"),
            Map.entry("plug_separator", "one node per call: plug is a single node name"),
            Map.entry("separator", "list always separates its fields with ','"),
            Map.entry("ipmitool_path", NO_IPMITOOL),
            Map.entry("ipmitool_timeout", NO_IPMITOOL + "; login_timeout bounds the session's opening and"
                    + " power_timeout each power change"),
            Map.entry("shell_timeout", "there is no shell prompt to wait for; login_timeout and power_timeout bound"
                    + " every wait"),
            Map.entry("stonith_status_sleep", "the power state is read as often as the BMC answers, within"
                    + " power_timeout"),
            Map.entry("use_sudo", NO_SUDO),
            Map.entry("sudo", NO_SUDO),
            Map.entry("sudo_path", NO_SUDO));

    private RefusedOptions() {
    }

    /** Why a name is refused, for names fence4j knows from fence_ipmilan but does not take. */
    static Optional<String> reason(String name) {
        return Optional.ofNullable(REASONS.get(name));
    }
}
