package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fence4j.agents.files.TrustedPath;
import org.fence4j.agents.files.UnixMode;

/** stat-style checks through the JDK's "unix" file attributes, and of this process's open files. */
final class FileModes {
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    private FileModes() {
    }

    /** True if {@code path} itself (not a link target) is a FIFO. */
    static boolean isFifo(Path path) throws IOException {
        try {
            return UnixMode.type(UnixMode.of(path)) == UnixMode.FIFO;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The uid this process runs as. */
    static int ownUid() {
        return (int) TrustedPath.user();
    }

    /**
     * Throws unless nobody but root and this process's user can change {@code dir} or any directory
     * above it ({@link TrustedPath}). The sticky bit does not make a directory safe here: whoever
     * created a file in a sticky directory (/tmp) may still replace it, and a user who may create
     * {@code meatware.<node>} first could answer for the operator.
     */
    static void requireTrustedDirectory(Path dir) throws IOException {
        Optional<TrustedPath.Untrusted> untrusted = TrustedPath.check(dir, false);
        if (untrusted.isPresent()) {
            throw new IOException("the rendezvous directory " + dir + " is not safe: " + untrusted.get().at() + " "
                    + untrusted.get().problem() + "; expected " + dir + " and every directory above it to be owned by"
                    + " root" + (ownUid() == 0 ? "" : " or uid " + ownUid() + " (which runs fence4j)") + " and writable"
                    + " only by its owner, as /run is (a sticky directory such as /tmp is not enough: another user could"
                    + " answer in the operator's place)");
        }
    }

    /**
     * The descriptors of this process open on {@code file} (by the path the kernel shows for them;
     * {@code file} must be a real path), as paths under /proc/self/fd whose attributes are those
     * of the open file itself.
     */
    static Set<Path> descriptorsOn(Path file) throws IOException {
        Set<Path> found = new LinkedHashSet<>();
        try (Stream<Path> fds = Files.list(OPEN_FILES)) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(file)) {
                        found.add(fd);
                    }
                } catch (IOException e) {
                    // closed meanwhile (the listing's own descriptor, another thread's file)
                }
            }
        }
        return found;
    }

    /**
     * Throws unless the open file {@code descriptor} (a /proc/self/fd entry) is the FIFO
     * {@code inode} that this process's user created with mode 0600: stat of the open file, not of
     * a path that could have been swapped meanwhile.
     */
    static void requireOwnPrivateFifo(Path descriptor, Object inode, Path fifo) throws IOException {
        Map<String, Object> a = Files.readAttributes(descriptor, "unix:mode,uid,ino");
        int mode = (Integer) a.get("mode");
        int ownUid = ownUid();
        if (UnixMode.type(mode) != UnixMode.FIFO || (mode & UnixMode.PERMISSIONS) != 0600
                || (Integer) a.get("uid") != ownUid
                || !inode.equals(a.get("ino"))) {
            throw new IOException("what was opened at " + fifo + " is not the FIFO this request created (a FIFO of uid "
                    + ownUid + ", mode 0600, inode " + inode + "), but mode " + Integer.toOctalString(mode) + ", uid "
                    + a.get("uid") + ", inode " + a.get("ino") + "; someone else put it there");
        }
    }
}
