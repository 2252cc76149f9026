package org.fence4j.agents.protocol.fenceagents;

import java.util.Map;
import java.util.Optional;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.RefusedParameter;

/**
 * fencing.py's options, common to every fence agent, that fence4j does not take, each with the
 * reason; an agent adds its own ({@link FenceAgentProvider#refused()}). Refused with the reason on
 * the command line and on stdin, rather than ignored, so that nobody believes a setting is in force.
 * The README's "fence_ipmilan compatibility" lists them.
 */
final class RefusedOptions {
    private static final String NO_SUDO = "fence4j runs no third-party program, so nothing needs sudo";

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("plug_separator", "one node per call: plug is a single node name"),
            Map.entry("separator", "list always separates its fields with ','"),
            Map.entry("shell_timeout", "there is no shell prompt to wait for; the agent's own timeouts bound every"
                    + " wait"),
            Map.entry("stonith_status_sleep", "the power state is read as often as the device answers, within"
                    + " power_timeout"),
            Map.entry("use_sudo", NO_SUDO),
            Map.entry("sudo", NO_SUDO),
            Map.entry("sudo_path", NO_SUDO));

    private RefusedOptions() {
    }

    /** Why a name is refused, by fence4j or by {@code provider}'s agent. */
    static Optional<String> reason(String name, FenceAgentProvider provider) {
        return Optional.ofNullable(REASONS.get(name)).or(() -> provider.refused().stream()
                .filter(r -> r.name().equals(name)).map(RefusedParameter::reason).findFirst());
    }
}
