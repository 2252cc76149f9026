package org.fence4j.meatware.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real terminal for a test: a tmux session on a private server socket, read and typed into. */
final class Tmux implements AutoCloseable {
    private static final Path TMUX = Path.of("/usr/bin/tmux");
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(10);

    private final String socket;

    private Tmux(String socket) {
        this.socket = socket;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(TMUX), "tmux is not installed");
    }

    /** Starts {@code script} in a new 200x50 session. */
    static Tmux start(Path script) throws IOException, InterruptedException {
        Tmux tmux = new Tmux("f4j-meatware-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        tmux.run("new-session", "-d", "-s", "main", "-x", "200", "-y", "50", script.toString());
        return tmux;
    }

    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", "main", "-l", text);
    }

    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-J", "-S", "-200", "-t", "main");
    }

    /** Waits until the screen shows {@code text}; fails with the screen otherwise. */
    String awaitScreen(String text, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        String screen = screen();
        while (!screen.contains(text)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("the terminal did not show '" + text + "' within " + limit + ":\n" + screen);
            }
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TMUX.toString(), "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        Process kill = new ProcessBuilder(TMUX.toString(), "-L", socket, "kill-server").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            kill.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
