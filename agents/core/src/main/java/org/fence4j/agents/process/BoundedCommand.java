package org.fence4j.agents.process;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.fence4j.agents.spi.DurationText;

/**
 * A local command run the one way fence4j runs child processes: in a session of its own, within a
 * time limit, its stdout and stderr read apart and bounded in size, stdin from /dev/null unless
 * given. When it is done, its time is up or it prints more than the bound, it and every process of
 * its session are killed, also children it left in the background that its shell no longer parents:
 * nothing it started outlives it or holds its pipes open.
 *
 * <p>The kill is SIGKILL at once, never TERM and a grace: what runs here (a passwd_script, ping,
 * crm_node, logger, dd, mkfifo) keeps nothing that a clean exit would save, a grace would stretch
 * the caller's deadline, and a process that handles TERM could start others meanwhile.
 */
public final class BoundedCommand {
    /** Far more than the output of any command fence4j reads: a secret's line, ping's, an error message. */
    private static final int DEFAULT_MAX_OUTPUT = 64 * 1024;
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path PROC = Path.of("/proc");
    /**
     * What ends at once after the kill (the process, its pipes) is waited for this long at most, also
     * past the limit: long enough for a loaded machine, short for a process the kernel holds (D state).
     */
    private static final Duration AFTER_KILL = Duration.ofMillis(200);

    private final List<String> command;
    private final Map<String, String> environment = new HashMap<>();
    private String name;
    private byte[] stdin;
    private int maxOutput = DEFAULT_MAX_OUTPUT;
    private boolean firstLineOnly;
    private boolean discardStderr;

    /** What a command that ran to its end did. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** stderr and stdout as one text, trimmed: what a failing command said, for a message. */
        public String messages() {
            return (stderr + stdoutText()).strip();
        }
    }

    /** The command's time was up: it was killed with its session. */
    public static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    private BoundedCommand(List<String> command) {
        this.command = List.copyOf(command);
        this.name = command.get(0);
    }

    /** {@code command}: the program (a path, or a name found on the PATH) and its arguments; no shell. */
    public static BoundedCommand of(List<String> command) {
        return new BoundedCommand(command);
    }

    public static BoundedCommand of(String... command) {
        return of(List.of(command));
    }

    /** How messages name the command; the program as given unless set. */
    public BoundedCommand named(String name) {
        this.name = name;
        return this;
    }

    /** Bytes for its stdin, which is closed after them; /dev/null unless set. */
    public BoundedCommand stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** One more variable in the environment it inherits from this process. */
    public BoundedCommand environment(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** The most bytes taken from stdout and from stderr each; 64 KiB unless set. More is a failure at once. */
    public BoundedCommand maxOutput(int bytes) {
        this.maxOutput = bytes;
        return this;
    }

    /** stderr goes nowhere: a command whose stderr may carry a secret (a passwd_script run with set -x). */
    public BoundedCommand discardStderr() {
        this.discardStderr = true;
        return this;
    }

    /** stdout ends at its first line end (kept): nothing after it is read. */
    public BoundedCommand firstLineOnly() {
        this.firstLineOnly = true;
        return this;
    }

    /**
     * Runs the command to its end within {@code limit}.
     *
     * @throws TimedOut    its time was up (it was killed)
     * @throws IOException it cannot run, or printed more than the bound (it was killed at once)
     */
    public Result run(Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        Process process = start();
        // completed by the exit, or by a reader at once when its stream is past the bound: the endless printer's end
        CompletableFuture<Object> exitedOrOverflowed = new CompletableFuture<>();
        process.onExit().thenAccept(exitedOrOverflowed::complete);
        CompletableFuture<byte[]> stdout = inBackground("stdout of " + name,
                () -> read(process.getInputStream(), "stdout", firstLineOnly, exitedOrOverflowed));
        CompletableFuture<byte[]> stderr = discardStderr ? CompletableFuture.completedFuture(new byte[0])
                : inBackground("stderr of " + name, () -> read(process.getErrorStream(), "stderr", false,
                        exitedOrOverflowed));
        if (stdin != null) {
            inBackground("stdin of " + name, () -> write(process.getOutputStream()));
        }
        try {
            await(exitedOrOverflowed, end, limit);
        } finally {
            killSession(process);
        }
        // nothing of the session is left to hold the pipes open: they end at once (only a process that
        // left the session could hold them, until the limit). An overflow fails its reader here, so the
        // command has exited once both are read.
        long outputEnd = System.nanoTime() + Math.max(end - System.nanoTime(), AFTER_KILL.toNanos());
        byte[] out = await(stdout, outputEnd, limit);
        String err = new String(await(stderr, outputEnd, limit), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), out, err);
    }

    /**
     * Starts the command with its stdin a pipe for {@link Feed#write} (a command that acts on each line
     * as it comes, such as logger), its output discarded. {@link Feed#close} ends its input; the
     * command then ends on its own, and its session is killed if it is still there {@code limit}
     * later. Should this process end first, the input ends with it, but nothing here kills a command
     * that hangs afterwards: bound it on its command line (timeout(1)).
     */
    public Feed feed(Duration limit) throws IOException {
        Process process = start(ProcessBuilder.Redirect.DISCARD, true);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        inBackground("end of " + name, () -> {
            closed.join();
            if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                killSession(process);
            }
            return null;
        });
        return new Feed(process.getOutputStream(), closed);
    }

    /** The input of a command started by {@link #feed}. */
    public static final class Feed implements AutoCloseable {
        private final OutputStream in;
        private final CompletableFuture<Void> closed;

        private Feed(OutputStream in, CompletableFuture<Void> closed) {
            this.in = in;
            this.closed = closed;
        }

        /** One line, written at once; false when the command no longer reads. */
        public boolean write(String line) {
            try {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // it has exited already: nothing is left to end
            } finally {
                closed.complete(null);
            }
        }
    }

    /** {@link #run} on a thread of its own: the caller goes on at once. Completes with its result or its exception. */
    public CompletableFuture<Result> runInBackground(Duration limit) {
        return inBackground(name, () -> run(limit));
    }

    private Process start() throws IOException {
        return start(ProcessBuilder.Redirect.PIPE, stdin != null);
    }

    /** @param inputPiped stdin a pipe for the caller, else /dev/null */
    private Process start(ProcessBuilder.Redirect output, boolean inputPiped) throws IOException {
        ProcessBuilder builder = new ProcessBuilder().redirectOutput(output)
                .redirectError(discardStderr ? ProcessBuilder.Redirect.DISCARD : output);
        builder.environment().putAll(environment);
        // setsid would tell a missing program only by exit status 127, which a shell's own exit shares
        Path program = new ExecutableSearch(builder.environment().get("PATH")).find(command.get(0))
                .orElseThrow(() -> new IOException("cannot run " + command.get(0) + ": no such executable file"
                        + (command.get(0).contains("/") ? "" : " on the PATH")));
        List<String> line = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            line.add(SETSID.toString()); // a child of the JVM is no group leader: setsid execs in place
        }
        line.add(program.toString());
        line.addAll(command.subList(1, command.size()));
        if (!inputPiped) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        return builder.command(line).start();
    }

    /**
     * {@code in} up to its end, or to its first line end; one byte past the bound completes
     * {@code overflow} and fails.
     */
    private byte[] read(InputStream in, String stream, boolean toLineEnd, CompletableFuture<Object> overflow)
            throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer, 0, Math.min(buffer.length, maxOutput + 1 - read.size()))) > 0) {
            int lineEnd = toLineEnd ? indexOfLineEnd(buffer, n) : -1;
            read.write(buffer, 0, lineEnd < 0 ? n : lineEnd + 1);
            if (read.size() > maxOutput) {
                overflow.complete(null);
                throw new IOException(name + " printed more than " + maxOutput + " bytes "
                        + (toLineEnd ? "on its first line" : "on " + stream) + " and was killed");
            }
            if (lineEnd >= 0) {
                break;
            }
        }
        return read.toByteArray();
    }

    private static int indexOfLineEnd(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Void write(OutputStream in) {
        try (in) {
            in.write(stdin);
        } catch (IOException e) {
            // it exited, or was killed, before reading all: its exit status or output says why
        }
        return null;
    }

    /** The outcome of {@code future} by {@code end}; its time up is {@link TimedOut}. */
    private <T> T await(CompletableFuture<T> future, long end, Duration limit)
            throws IOException, InterruptedException {
        try {
            return future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimedOut(name + " did not finish within " + DurationText.of(limit) + " and was killed");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Runs {@code task} on a daemon thread: a child that never ends cannot keep the JVM alive through it. */
    private static <T> CompletableFuture<T> inBackground(String threadName, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Kills the command and every process of its session (also those its shell no longer parents). */
    private static void killSession(Process process) {
        long session = process.pid(); // setsid exec'd in place: the command leads its session
        process.descendants().forEach(ProcessHandle::destroyForcibly); // also any that left the session
        try (Stream<Path> all = Files.list(PROC)) {
            all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> sessionOf(p) == session)
                    .forEach(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString()))
                            .ifPresent(ProcessHandle::destroyForcibly));
        } catch (IOException | RuntimeException e) {
            // no /proc: the descendants are all we can find
        }
        // through its handle: Process.destroyForcibly also closes the streams, which the readers may still
        // be reading (a command that exited has its last output in them)
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS); // killed means gone, when we return
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
