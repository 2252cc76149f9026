package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** lstat-style checks through the JDK's "unix" file attributes. */
final class FileModes {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private FileModes() {
    }

    /** True if {@code path} itself (not a link target) is a FIFO. */
    static boolean isFifo(Path path) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFIFO;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Throws if others could replace files in {@code dir}: a directory writable by group or others
     * needs the sticky bit (as /tmp has), else a confirmation could be forged by swapping the FIFO.
     */
    static void requireSafeDirectory(Path dir) throws IOException {
        int mode = (Integer) Files.getAttribute(dir, "unix:mode");
        if ((mode & 0022) != 0 && (mode & 01000) == 0) {
            throw new IOException("the rendezvous directory " + dir + " is writable by group or others without the"
                    + " sticky bit (mode " + Integer.toOctalString(mode & 07777) + "); use a directory only its owner"
                    + " can change, such as /run");
        }
    }

    /** Throws unless {@code path} is a FIFO owned by this process's user with mode 0600. */
    static void requireOwnPrivateFifo(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        Object ownUid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if ((mode & S_IFMT) != S_IFIFO || (mode & 07777) != 0600 || !ownUid.equals(a.get("uid"))) {
            throw new IOException(path + " is not a FIFO of uid " + ownUid + " with mode 0600 (mode "
                    + Integer.toOctalString(mode) + ", uid " + a.get("uid") + "); someone else created it");
        }
    }
}
