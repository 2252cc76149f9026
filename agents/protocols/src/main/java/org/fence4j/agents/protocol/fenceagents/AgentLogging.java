package org.fence4j.agents.protocol.fenceagents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.fence4j.agents.files.FileProblem;
import org.fence4j.agents.files.TrustedPath;
import org.fence4j.agents.logging.Logging;
import org.fence4j.agents.spi.Parameters;

/**
 * fencing.py's verbose, verbose_level and debug_file: how much of fence4j's log a fence_* agent
 * writes, and where. Applied before the first logger exists (SLF4J simple reads its level once).
 */
final class AgentLogging {
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AgentLogging() {
    }

    /** Sets the log level and destination; a problem to report if the debug file cannot be opened. */
    static Optional<String> configure(Parameters options) {
        long level = options.get(StandardOptions.VERBOSE_LEVEL).map(Long::parseLong)
                .orElse(options.bool(StandardOptions.VERBOSE) ? 1L : 0L);
        Optional<String> file = options.get(StandardOptions.DEBUG_FILE).filter(f -> !f.isBlank());
        if (file.isPresent()) {
            try {
                // the log (SLF4J simple writes to System.err as it is at each line) is appended to the file;
                // the agent's own ERROR lines keep the stderr it was given
                System.setErr(new PrintStream(appendTo(Path.of(file.get())), true, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.of(StandardOptions.DEBUG_FILE + ": cannot append to '" + file.get() + "': "
                        + FileProblem.of(e));
            } catch (RuntimeException e) { // e.g. InvalidPathException
                return Optional.of(StandardOptions.DEBUG_FILE + ": cannot append to '" + file.get() + "': "
                        + e.getMessage());
            }
            level = Math.max(level, 2);
        }
        if (level > 0) {
            System.setProperty(Logging.LEVEL, level >= 2 ? "debug" : "info");
            Logging.protocolStepsAtDebug();
        }
        return Optional.empty();
    }

    /**
     * The debug file, opened to append, created 0600 if absent. Often in /tmp, so another user may
     * have put something there first: a link (it would aim root's appends), a FIFO (the open would
     * block the agent until Pacemaker's timeout), or a file of theirs (they would read the log).
     * An existing entry must be a regular file that only root or this user could change, checked
     * before it is opened; a new one is made with O_EXCL, so that nothing can take its place.
     */
    private static OutputStream appendTo(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), PRIVATE);
        } catch (FileAlreadyExistsException exists) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("it is a symbolic link or not a regular file; expected a regular file: remove it,"
                        + " or name another file");
            }
            refuseIfUntrusted(file);
            return Channels.newOutputStream(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS));
        }
        try {
            refuseIfUntrusted(file); // a directory above it that another user could change
        } catch (IOException e) {
            channel.close();
            Files.delete(file);
            throw e;
        }
        return Channels.newOutputStream(channel);
    }

    private static void refuseIfUntrusted(Path file) throws IOException {
        Optional<TrustedPath.Untrusted> untrusted = TrustedPath.check(file, true);
        if (untrusted.isPresent()) {
            throw new IOException(untrusted.get().describe("debug file", file));
        }
    }
}
