package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.fence4j.agents.files.FileProblem;

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

    /**
     * Why a fence would refuse to wait in {@code dir}, or empty: for validate, before the fence.
     * The directory must exist (it is not created: /run is) and be trusted ({@link FileModes#requireTrustedDirectory}).
     */
    public static Optional<String> problem(Path dir) {
        try {
            FileModes.requireTrustedDirectory(dir);
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of("the rendezvous directory " + dir + " does not exist; expected a directory of root's"
                    + " such as /run");
        } catch (IOException e) {
            return Optional.of(FileProblem.named(e));
        }
    }

    static Path lock(Path dir, String host) {
        return dir.resolve(LOCK_PREFIX + Hostnames.normalize(host) + ".lock");
    }
}
