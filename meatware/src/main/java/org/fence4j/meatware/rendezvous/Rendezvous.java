package org.fence4j.meatware.rendezvous;

import java.nio.file.Path;

/**
 * Where an operator's confirmation for a node meets the waiting request: the FIFO
 * {@code <dir>/meatware.<node>}. The installed cluster-glue (Debian 1.0.12) has
 * {@code /run/meatware} compiled into both its meatware plugin and meatclient, so
 * {@link #DEFAULT_DIR} is {@code /run}; another directory works only among fence4j's own tools.
 */
public final class Rendezvous {
    public static final Path DEFAULT_DIR = Path.of("/run");
    private static final String FIFO_PREFIX = "meatware.";
    /** fence4j's own lock; a name no node's FIFO can have (node names cannot start with '.'). */
    private static final String LOCK_PREFIX = ".fence4j-meatware.";

    private Rendezvous() {
    }

    public static Path fifo(Path dir, String host) {
        return dir.resolve(FIFO_PREFIX + Hostnames.normalize(host));
    }

    static Path lock(Path dir, String host) {
        return dir.resolve(LOCK_PREFIX + Hostnames.normalize(host) + ".lock");
    }
}
