package org.fence4j.agents.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether anyone but root and the user fencing runs as could change a file or directory whose
 * content decides what fencing does (a configuration, a secret, where fence4j keeps its locks):
 * its owner and mode, and those of every directory on the way to it, both as written and as its
 * links resolve, and the owner of every link on the way. Above the path, a directory others may
 * write to still protects it with the sticky bit (as /tmp: nobody may rename or remove another
 * user's entry), unless the caller says that is not enough.
 */
public final class TrustedPath {
    private static final long ROOT = 0;
    private static final long UNKNOWN = -1;
    /** This process's uid, once read (com.sun.security's UnixSystem would load libjaas into every call). */
    private static volatile long user = UNKNOWN;

    private TrustedPath() {
    }

    /** Something on the way to a path that another user could change; {@code above} when it is not the path itself. */
    public record Untrusted(Path at, int mode, long uid, boolean above, boolean stickyIsEnough) {
        /** e.g. "/srv, above the configuration /srv/f.yaml, is owned by bob (uid 1000), who could replace ...". */
        public String describe(String what, Path path) {
            if (!above) {
                return what + " " + path + " " + problem() + "; expected " + (ownedByOther()
                        ? "root, the user fencing runs as: chown " + (isLink() ? "-h " : "") + "root " + at
                        : isDirectory() ? "0700: chmod 700 " + at : "only its owner to write it: chmod go-w " + at);
            }
            return at + ", above the " + what + " " + path + ", " + problem() + (ownedByOther()
                    ? ", who could replace the " + what + "; expected directories owned by root all the way up"
                    : ", so anyone could replace the " + what + "; expected a directory only root can change");
        }

        /** The same without naming any path, for a file whose very path is secret. */
        public String describeUnnamed() {
            return (above ? "a directory above it " : "it ") + problem()
                    + "; expected only root or the user fencing runs as to be able to change it and the"
                    + " directories above it";
        }

        /** e.g. "is owned by bob (uid 1000)", "is writable by group or others (mode 0777) without the sticky bit". */
        public String problem() {
            if (ownedByOther()) {
                return (isLink() ? "is a symbolic link owned by " : "is owned by ") + owner(at, uid);
            }
            return "is writable by group or others (mode " + UnixMode.octal(mode) + ")"
                    + (above && stickyIsEnough ? " without the sticky bit" : "");
        }

        private boolean ownedByOther() {
            return !trusted(uid);
        }

        private boolean isLink() {
            return UnixMode.type(mode) == UnixMode.SYMLINK;
        }

        private boolean isDirectory() {
            return UnixMode.type(mode) == UnixMode.DIRECTORY;
        }
    }

    /**
     * The first thing on the way to {@code path} (which must exist) that another user could change,
     * or empty when only root and this process's user could.
     *
     * @param stickyIsEnough whether a sticky directory above the path protects it
     */
    public static Optional<Untrusted> check(Path path, boolean stickyIsEnough) throws IOException {
        for (Map.Entry<Path, Boolean> step : steps(path).entrySet()) {
            Map<String, Object> a = Files.readAttributes(step.getKey(), "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            long uid = ((Number) a.get("uid")).longValue();
            boolean above = step.getValue();
            // a link's own mode means nothing; whoever owns it may replace it in a sticky directory
            boolean writable = UnixMode.type(mode) != UnixMode.SYMLINK && (mode & UnixMode.GROUP_OTHERS_WRITE) != 0
                    && !(above && stickyIsEnough && (mode & UnixMode.STICKY) != 0);
            if (!trusted(uid) || writable) {
                return Optional.of(new Untrusted(step.getKey(), mode, uid, above, stickyIsEnough));
            }
        }
        return Optional.empty();
    }

    /** Root, and the user this process runs as (a test's, a demo's). */
    public static boolean trusted(long uid) {
        return uid == ROOT || uid == user();
    }

    /** The uid this process runs as: the owner of /proc/self. */
    public static long user() {
        if (user == UNKNOWN) {
            try {
                user = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot tell this process's uid from /proc/self", e);
            }
        }
        return user;
    }

    /** "bob (uid 1000)": the owner of {@code path} (not of a link's target), for messages. */
    public static String owner(Path path, long uid) {
        try {
            return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName() + " (uid " + uid + ")";
        } catch (IOException e) {
            return "uid " + uid;
        }
    }

    /** The path itself (false) and each directory above it (true): as resolved, then as written. */
    private static Map<Path, Boolean> steps(Path path) throws IOException {
        Map<Path, Boolean> steps = new LinkedHashMap<>();
        Path written = path.toAbsolutePath().normalize();
        for (Path start : new Path[] {written.toRealPath(), written}) {
            steps.putIfAbsent(start, false);
            for (Path p = start.getParent(); p != null; p = p.getParent()) {
                steps.putIfAbsent(p, true);
            }
        }
        return steps;
    }
}
