package org.fence4j.agents.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller asks of a fencing device. Only what the device itself does: a protocol's list,
 * metadata and validate are answered by its adapter from the provider and the agent
 * ({@link FenceAgent#targets()}, the parameter declarations, {@link FenceAgent#problems}).
 */
public enum FenceAction {
    /** Power the target on. */
    ON,
    /** Power the target off; success only once it is confirmed off. */
    OFF,
    /** Fence by reboot (cluster-glue "reset", fence-agents "reboot"). */
    RESET,
    /** Power state of the target (fence-agents status: 0 on, 2 off). */
    STATUS,
    /** Is the device itself reachable and usable. */
    MONITOR;

    /** True for the actions that take a node out of the cluster. */
    public boolean fences() {
        return this == OFF || this == RESET;
    }

    /** Lower-case name as used on command lines. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the words of both protocols and of fence-cli: reboot, reset, poweroff, stat, ... */
    public static Optional<FenceAction> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "on", "poweron", "enable" -> ON;
            case "off", "poweroff", "disable" -> OFF;
            case "reset", "reboot" -> RESET;
            case "status", "stat" -> STATUS;
            case "monitor" -> MONITOR;
            default -> null;
        });
    }
}
