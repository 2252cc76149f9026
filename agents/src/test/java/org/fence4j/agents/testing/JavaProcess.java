package org.fence4j.agents.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM with the test class path, as Pacemaker or an operator would
 * start a new process, and captures what it printed. Every run is bounded in time.
 */
public final class JavaProcess {
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment = new java.util.HashMap<>();
    private String stdin = "";

    /** What a finished process left. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Both streams, for searching all output at once. */
        public String all() {
            return stdout + stderr;
        }
    }

    private JavaProcess(String mainClass, List<String> args) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
    }

    public static JavaProcess of(String mainClass, String... args) {
        return new JavaProcess(mainClass, List.of(args));
    }

    public JavaProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public JavaProcess stdin(String text) {
        stdin = text;
        return this;
    }

    /** Starts the process; its output goes to temporary files read by {@link Running#await}. */
    public Running start() throws IOException {
        Path out = Files.createTempFile("f4j-out", ".txt");
        Path err = Files.createTempFile("f4j-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(environment);
        Path in = Files.createTempFile("f4j-in", ".txt");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        pb.redirectInput(in.toFile());
        return new Running(pb.start(), out, err, in);
    }

    public Result run(Duration timeout) throws IOException, InterruptedException {
        return start().await(timeout);
    }

    /** A started process. */
    public record Running(Process process, Path out, Path err, Path in) {
        public long pid() {
            return process.pid();
        }

        /** Sends a signal by name, e.g. INT as Ctrl-C does. */
        public void signal(String name) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        }

        public Result await(Duration timeout) throws IOException, InterruptedException {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError("process did not end within " + timeout + "; output: "
                            + Files.readString(out) + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                for (Path p : List.of(out, err, in)) {
                    Files.deleteIfExists(p);
                }
            }
        }

        /** Waits until the process printed {@code text} on stdout, bounded by {@code timeout}. */
        public void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (Files.readString(out).contains(text)) {
                    return;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no '" + text + "' in output: " + Files.readString(out) + Files.readString(err));
        }
    }

}
