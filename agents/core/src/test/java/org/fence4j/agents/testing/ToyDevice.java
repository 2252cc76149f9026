package org.fence4j.agents.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.fence4j.agents.spi.PowerState;

/**
 * The toy device's state as files, readable by the test that set it up: {@code HOST.power} holds
 * {@code on} or {@code off} (no file: on), {@code actions.log} one line per power change
 * ({@code off pm02}, {@code on pm02}, {@code reset pm02}), {@code calls.log} a line when each request
 * starts and ends ({@code start reset pm02}, {@code end reset pm02}), appended by every process that
 * uses the device, so tests see order and overlap across processes.
 */
public final class ToyDevice {
    private final Path dir;

    public ToyDevice(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public PowerState power(String host) {
        Path file = dir.resolve(host + ".power");
        try {
            return Files.exists(file)
                    ? PowerState.valueOf(Files.readString(file, StandardCharsets.UTF_8).strip().toUpperCase(Locale.ROOT))
                    : PowerState.ON;
        } catch (IOException | IllegalArgumentException e) {
            return PowerState.UNKNOWN;
        }
    }

    public void setPower(String host, PowerState state) {
        try {
            Files.writeString(dir.resolve(host + ".power"), state.name().toLowerCase(Locale.ROOT) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void log(String line) {
        append("actions.log", line);
    }

    void record(String line) {
        append("calls.log", line);
    }

    /** The power changes so far, oldest first. */
    public List<String> actions() {
        return lines("actions.log");
    }

    /** The start and end of every request so far, in the order they happened. */
    public List<String> calls() {
        return lines("calls.log");
    }

    private void append(String name, String line) {
        try {
            // one short O_APPEND write per line: lines from concurrent processes never interleave
            Files.writeString(dir.resolve(name), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String name) {
        Path file = dir.resolve(name);
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean usable() {
        return Files.isDirectory(dir) && Files.isWritable(dir);
    }
}
