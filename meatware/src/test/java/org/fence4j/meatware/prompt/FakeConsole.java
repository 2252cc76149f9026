package org.fence4j.meatware.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A terminal for tests: typed lines are queued up front or later; what is shown is recorded. */
public final class FakeConsole implements OperatorConsole {
    /** Typed to end the input, as Ctrl-D. */
    public static final String END_OF_INPUT = "\u0004";
    private static final long LONGEST_READ_SECONDS = 30;

    private final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private final List<String> shown = new ArrayList<>();
    private final List<String> statusLines = new ArrayList<>();

    public FakeConsole type(String... lines) {
        typed.addAll(List.of(lines));
        return this;
    }

    /** Everything printed, prompts included, in order. */
    public synchronized List<String> shown() {
        return List.copyOf(shown);
    }

    public synchronized String screen() {
        return String.join("\n", shown);
    }

    /** The redrawn waiting-time lines, in order. */
    public synchronized List<String> statusLines() {
        return List.copyOf(statusLines);
    }

    @Override
    public synchronized void println(String line) {
        shown.add(line);
    }

    @Override
    public synchronized void prompt(String text) {
        shown.add(text);
    }

    @Override
    public synchronized void status(String line) {
        statusLines.add(line);
    }

    @Override
    public String readLine() {
        try {
            String line = typed.poll(LONGEST_READ_SECONDS, TimeUnit.SECONDS);
            return line == null || line.equals(END_OF_INPUT) ? null : line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
