package org.fence4j.agents.config;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.Secret;

/**
 * Runs a secret's {@code X_script} and takes the first line it prints, read from a pipe (never
 * a file: nothing of the secret stays behind when we are killed), at most
 * {@link SecretFile#MAX_BYTES}, within a time limit. The command runs in a session of its own,
 * so that it and everything it started, also children it left running in the background, are
 * killed when it is done or its time is up.
 */
final class SecretScript {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private SecretScript() {
    }

    /** The first line a command prints ({@code X_script}), read from a pipe within {@code limit}. */
    static Secret read(String command, Duration limit) throws IOException {
        byte[] bytes = run(command, limit);
        try {
            return Secret.of(SecretFile.firstLine(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** What the command printed up to its first line end; an IOException saying why not. */
    private static byte[] run(String command, Duration limit) throws IOException {
        long end = System.nanoTime() + limit.toNanos();
        List<String> line = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            line.add(SETSID.toString()); // a child of the JVM is no group leader: setsid execs in place
        }
        line.addAll(List.of("/bin/sh", "-c", command));
        Process process = new ProcessBuilder(line)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        FutureTask<byte[]> output = new FutureTask<>(() -> firstLine(process.getInputStream()));
        Thread reader = new Thread(output, "secret-script");
        reader.setDaemon(true);
        reader.start();
        try {
            // the first line, then the exit: an endless printer is stopped by the size bound at once
            byte[] bytes = output.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (bytes.length > SecretFile.MAX_BYTES) {
                throw new IOException("it printed more than " + SecretFile.MAX_BYTES + " bytes on its first line");
            }
            if (!process.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IOException("it did not finish within " + DurationText.of(limit) + " and was killed");
            }
            if (process.exitValue() != 0) {
                throw new IOException("it exited with status " + process.exitValue());
            }
            return bytes;
        } catch (TimeoutException e) {
            throw new IOException("it did not finish within " + DurationText.of(limit) + " and was killed");
        } catch (ExecutionException e) {
            throw new IOException("cannot read its output (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for it");
        } finally {
            killSession(process); // also what it left running in the background
            output.cancel(true);
            process.getInputStream().close();
        }
    }

    /** Up to the first \n (kept), EOF, or one byte more than allowed. */
    private static byte[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        int n;
        while (line.size() <= SecretFile.MAX_BYTES && (n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                line.write(buffer[i]);
                if (buffer[i] == '\n') {
                    return line.toByteArray();
                }
            }
        }
        return line.toByteArray();
    }

    /** Kills the command and every process of its session (also those its shell no longer parents). */
    private static void killSession(Process process) {
        long session = process.pid();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> sessionOf(p) == session)
                    .forEach(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString()))
                            .ifPresent(ProcessHandle::destroyForcibly));
        } catch (IOException | RuntimeException e) {
            // no /proc: the descendants are all we can find
        }
        process.destroyForcibly();
    }

    /** Field 6 of /proc/PID/stat, after the command name in parentheses; -1 when gone. */
    private static long sessionOf(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
