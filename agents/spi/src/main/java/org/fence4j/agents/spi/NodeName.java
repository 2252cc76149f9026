package org.fence4j.agents.spi;

import java.util.Optional;

/** What may name a node (a target): what Pacemaker passes as nodename or plug, a configuration's target. */
public final class NodeName {
    /** A DNS name's limit (RFC 1035); a Linux host name has at most 64 characters. */
    public static final int LONGEST = 253;

    private NodeName() {
    }

    /** Why {@code name} cannot name a node, or empty: a name is required, of at most {@link #LONGEST} characters. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("no node named; expected the node's name");
        }
        if (name.strip().length() > LONGEST) {
            return Optional.of("a node name has at most " + LONGEST + " characters (a DNS name's limit); got "
                    + name.strip().length());
        }
        return Optional.empty();
    }
}
