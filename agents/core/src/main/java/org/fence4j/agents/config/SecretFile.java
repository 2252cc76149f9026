package org.fence4j.agents.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fence4j.agents.files.FileProblem;
import org.fence4j.agents.files.TrustedPath;
import org.fence4j.agents.files.UnixMode;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.Secret;

/**
 * Reads a secret file safely: only a regular file (a FIFO would block the open forever, a device
 * such as /dev/zero never ends) that only root or fencing's user can change and only its owner can read,
 * at most {@link #MAX_BYTES}, and within a time limit. Messages
 * never name the file (ipmi's passwd_method=file keeps even the path secret): callers add it
 * where they may.
 */
public final class SecretFile {
    /** Far more than any password or key; a bigger file is not a secret file. */
    static final int MAX_BYTES = 64 * 1024;

    private SecretFile() {
    }

    /**
     * The first line of a file, as every secret file is read ({@code X_file}, ipmitool -f): only a
     * regular file of at most {@link #MAX_BYTES}, within {@code limit}. The IOException's message says
     * what is wrong without naming the file (the caller may, where the path is not secret itself).
     */
    public static Secret readFirstLine(Path file, Duration limit) throws IOException {
        byte[] bytes = read(file, limit);
        try {
            return Secret.of(firstLine(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The bytes of {@code file}, or an IOException whose message says what is wrong (without the path). */
    static byte[] read(Path file, Duration limit) throws IOException {
        BasicFileAttributes attributes = attributes(file); // follows links: a link to a regular file is fine
        if (!attributes.isRegularFile()) {
            throw new IOException("it is " + kind(file) + ", not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IOException("it is larger than " + MAX_BYTES + " bytes");
        }
        requirePrivate(file);
        // replaced by a FIFO after the check, the open would block: it runs where the limit can end the wait
        FutureTask<byte[]> reading = new FutureTask<>(() -> readBounded(file));
        Thread reader = new Thread(reading, "secret-file");
        reader.setDaemon(true);
        reader.start();
        try {
            return reading.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new IOException("it could not be read within " + DurationText.of(limit));
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading it");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getClass().getSimpleName());
        }
    }

    /**
     * Whoever could change the file would choose the credentials fencing uses, or make them fail;
     * whoever could read it would have them (as ssh refuses a private key its group can read).
     */
    private static void requirePrivate(Path file) throws IOException {
        int mode;
        try {
            Optional<TrustedPath.Untrusted> untrusted = TrustedPath.check(file, true);
            if (untrusted.isPresent()) {
                throw new IOException(untrusted.get().describeUnnamed());
            }
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (java.nio.file.FileSystemException e) {
            throw plain(e);
        }
        if (!UnixMode.isPrivate(mode)) {
            throw new IOException(((mode & 0004) != 0 ? "others can read it" : (mode & 0040) != 0
                    ? "its group can read it" : "group or others have access to it") + " (mode " + UnixMode.octal(mode)
                    + "); expected 0600 or 0400, readable by its owner alone: chmod go=");
        }
    }

    private static byte[] readBounded(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw plain(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("it is larger than " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    /** The first line of UTF-8 text, as every secret is taken (\n or \r\n ends it). */
    static String firstLine(byte[] bytes) throws IOException {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("its first line is not UTF-8 text");
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw plain(e);
        }
    }

    /** What a file that is not regular is, for the message. */
    private static String kind(Path file) {
        try {
            return UnixMode.kind((Integer) Files.getAttribute(file, "unix:mode"));
        } catch (IOException | RuntimeException e) {
            return "something else";
        }
    }

    /** The JDK's messages name the path: say what happened instead. */
    private static IOException plain(IOException e) {
        return new IOException(e instanceof java.nio.file.FileSystemException ? FileProblem.of(e)
                : e.getClass().getSimpleName());
    }
}
