package org.fence4j.agents.spi;

import java.util.Locale;
import java.util.Optional;

/** What a caller asks of a fencing device. */
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
    MONITOR,
    /** Targets this device can fence. */
    LIST,
    /** Describe the agent's parameters. */
    METADATA,
    /** Check the parameters without touching the device. */
    VALIDATE;

    /** True for the actions that take a node out of the cluster. */
    public boolean fences() {
        return this == OFF || this == RESET;
    }

    /** Lower-case name as used on command lines. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the words of both protocols and of fence-cli: reboot, reset, poweroff, meta-data, ... */
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
            case "list", "hostlist", "gethosts" -> LIST;
            case "metadata", "meta-data" -> METADATA;
            case "validate-all", "validate" -> VALIDATE;
            default -> null;
        });
    }
}
