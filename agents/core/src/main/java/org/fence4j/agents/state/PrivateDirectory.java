package org.fence4j.agents.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fence4j.agents.files.FileProblem;
import org.fence4j.agents.files.TrustedPath;
import org.fence4j.agents.files.UnixMode;

/**
 * A directory that only fence4j's own user can change: where the target locks and the history
 * live. Created 0700, its files 0600. Refused (with what to do) when it is a symbolic link, or when
 * another user than root or this process's could change it or a directory above it ({@link TrustedPath}).
 * Files in it are checked without following links and opened with O_NOFOLLOW.
 */
public final class PrivateDirectory {

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

    /**
     * What {@link #create} would refuse, said without creating anything: the directory as it is, or,
     * when it does not exist yet, a directory above it in which another user could create it first.
     */
    public static Optional<String> problem(Path dir, String what) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                checked(absolute, what);
                return Optional.empty();
            }
            Path parent = absolute.getParent();
            while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
                parent = parent.getParent();
            }
            if (parent != null && !Files.isDirectory(parent)) {
                return Optional.of(what + " " + absolute + " cannot be created: " + parent + " is not a directory");
            }
            Optional<TrustedPath.Untrusted> untrusted = parent == null ? Optional.empty()
                    : TrustedPath.check(parent, true);
            return untrusted.map(u -> what + " " + absolute + " does not exist yet, and " + u.at() + " " + u.problem()
                    + ": another user could create it first; create it now (install -d -m 700 " + absolute
                    + ") or choose a directory only root can change");
        } catch (IOException e) {
            return Optional.of(e instanceof UnsafeStateException ? e.getMessage()
                    : what + " " + absolute + ": " + FileProblem.named(e));
        }
    }

    private static PrivateDirectory checked(Path dir, String what) throws IOException {
        Map<String, Object> own = attributes(dir);
        int mode = (Integer) own.get("mode");
        if (UnixMode.type(mode) == UnixMode.SYMLINK) {
            throw new UnsafeStateException(what + " " + dir + " is a symbolic link; expected a directory"
                    + " (fence4j never follows a link there: name the real directory)");
        }
        if (UnixMode.type(mode) != UnixMode.DIRECTORY) {
            throw new UnsafeStateException(what + " " + dir + " is not a directory; expected a directory");
        }
        Optional<TrustedPath.Untrusted> untrusted = TrustedPath.check(dir, true);
        if (untrusted.isPresent()) {
            throw new UnsafeStateException(untrusted.get().describe(what, dir));
        }
        return new PrivateDirectory(dir, what);
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
            if (UnixMode.type(mode) == UnixMode.SYMLINK) {
                throw new UnsafeStateException(file + " in the " + what + " is a symbolic link; fence4j never"
                        + " follows one there: remove it (rm " + file + ")");
            }
            if (UnixMode.type(mode) != UnixMode.REGULAR) {
                throw new UnsafeStateException(file + " in the " + what + " is not a regular file; remove it");
            }
            if (!TrustedPath.trusted(uid(a))) {
                throw new UnsafeStateException(file + " in the " + what + " is owned by "
                        + TrustedPath.owner(file, uid(a))
                        + "; expected root, the user fencing runs as: remove it");
            }
            if (!UnixMode.isPrivate(mode)) {
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

    /**
     * Replaces {@code name}'s contents at once: written to a new file beside it, then renamed over it,
     * so a reader sees the old contents or the new ones, never a part. Of two writers at once, the
     * last rename wins. A rename replaces a link of that name, never what it points to.
     */
    public void replace(String name, byte[] contents) throws IOException {
        String next = name + ".next-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId();
        try {
            try (FileChannel channel = open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(contents));
            }
            Files.move(dir.resolve(next), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(dir.resolve(next));
        }
    }

    private static Map<String, Object> attributes(Path path) throws IOException {
        return Files.readAttributes(path, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static long uid(Map<String, Object> attributes) {
        return ((Number) attributes.get("uid")).longValue();
    }
}
