package org.fence4j.agents.state;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A directory that only fence4j's own user can change: where the target locks and the history
 * live. Created 0700, its files 0600. Refused (with what to do) when it is a symbolic link, is owned
 * by another user than root or this process's, is writable by group or others, or when a directory above it could let another
 * user replace it (not owned by root or this user, or writable by others without the sticky bit).
 * Files in it are checked without following links and opened with O_NOFOLLOW.
 */
public final class PrivateDirectory {
    private static final int TYPE_MASK = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int REGULAR = 0100000;
    private static final int SYMLINK = 0120000;
    private static final int STICKY = 01000;
    private static final int GROUP_OTHERS_WRITE = 0022;
    private static final int GROUP_OTHERS_ANY = 0077;
    private static final long ROOT = 0;
    private static final long USER = new UnixSystem().getUid();

    private final Path dir;
    private final String what;

    private PrivateDirectory(Path dir, String what) {
        this.dir = dir;
        this.what = what;
    }

    /**
     * The directory, created 0700 (with any missing parents) if absent, once checked.
     *
     * @param what what it is, for messages: "state directory", "lock directory"
     */
    public static PrivateDirectory create(Path dir, String what) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        return checked(absolute, what);
    }

    /** The directory once checked, or empty when it does not exist (nothing recorded yet). */
    public static Optional<PrivateDirectory> existing(Path dir, String what) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        return Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) ? Optional.of(checked(absolute, what))
                : Optional.empty();
    }

    private static PrivateDirectory checked(Path dir, String what) throws IOException {
        Map<String, Object> own = attributes(dir);
        int mode = (Integer) own.get("mode");
        if ((mode & TYPE_MASK) == SYMLINK) {
            throw new UnsafeStateException(what + " " + dir + " is a symbolic link; expected a directory"
                    + " (fence4j never follows a link there: name the real directory)");
        }
        if ((mode & TYPE_MASK) != DIRECTORY) {
            throw new UnsafeStateException(what + " " + dir + " is not a directory; expected a directory");
        }
        long owner = uid(own);
        if (!trusted(owner)) {
            throw new UnsafeStateException(what + " " + dir + " is owned by " + ownerName(dir, owner)
                    + "; expected root, the user fencing runs as: chown root " + dir);
        }
        if ((mode & GROUP_OTHERS_WRITE) != 0) {
            throw new UnsafeStateException(what + " " + dir + " is writable by group or others (mode "
                    + octal(mode) + "); expected 0700: chmod 700 " + dir);
        }
        for (Path above : above(dir)) {
            Map<String, Object> a = Files.readAttributes(above, "unix:mode,uid");
            int m = (Integer) a.get("mode");
            long u = uid(a);
            if (!trusted(u)) {
                throw new UnsafeStateException(above + ", above the " + what + " " + dir + ", is owned by "
                        + ownerName(above, u) + ", who could replace the " + what
                        + "; expected directories owned by root all the way up");
            }
            if ((m & GROUP_OTHERS_WRITE) != 0 && (m & STICKY) == 0) {
                throw new UnsafeStateException(above + ", above the " + what + " " + dir
                        + ", is writable by group or others (mode " + octal(m) + ") without the sticky bit,"
                        + " so anyone could replace the " + what + "; expected a directory only root can change");
            }
        }
        return new PrivateDirectory(dir, what);
    }

    /** Every directory above {@code dir}, as written and as resolved (a link above is fine, its target is checked). */
    private static Set<Path> above(Path dir) throws IOException {
        Set<Path> all = new LinkedHashSet<>();
        List<Path> starts = new ArrayList<>(List.of(dir.getParent()));
        starts.add(dir.getParent().toRealPath());
        for (Path p : starts) {
            for (Path q = p; q != null; q = q.getParent()) {
                all.add(q);
            }
        }
        return all;
    }

    public Path path() {
        return dir;
    }

    /**
     * Opens {@code name} in this directory without following a link, created 0600 if absent. An
     * existing entry must be a regular file of root or this user; looser permissions are tightened to 0600.
     */
    public FileChannel open(String name, OpenOption... options) throws IOException {
        Path file = dir.resolve(name);
        if (!file.getParent().equals(dir)) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        try {
            Map<String, Object> a = attributes(file);
            int mode = (Integer) a.get("mode");
            if ((mode & TYPE_MASK) == SYMLINK) {
                throw new UnsafeStateException(file + " in the " + what + " is a symbolic link; fence4j never"
                        + " follows one there: remove it (rm " + file + ")");
            }
            if ((mode & TYPE_MASK) != REGULAR) {
                throw new UnsafeStateException(file + " in the " + what + " is not a regular file; remove it");
            }
            if (!trusted(uid(a))) {
                throw new UnsafeStateException(file + " in the " + what + " is owned by " + ownerName(file, uid(a))
                        + "; expected root, the user fencing runs as: remove it");
            }
            if ((mode & GROUP_OTHERS_ANY) != 0) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (NoSuchFileException absent) {
            // created below, 0600
        }
        Set<OpenOption> all = new LinkedHashSet<>(List.of(options));
        all.add(LinkOption.NOFOLLOW_LINKS);
        return FileChannel.open(file, all, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
    }

    /** Root, and the user this process runs as (a test's, a demo's). */
    private static boolean trusted(long uid) {
        return uid == ROOT || uid == USER;
    }

    private static Map<String, Object> attributes(Path path) throws IOException {
        return Files.readAttributes(path, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static long uid(Map<String, Object> attributes) {
        return ((Number) attributes.get("uid")).longValue();
    }

    private static String ownerName(Path path, long uid) {
        try {
            return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName() + " (uid " + uid + ")";
        } catch (IOException e) {
            return "uid " + uid;
        }
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}
