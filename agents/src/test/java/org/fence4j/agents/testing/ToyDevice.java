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
 * ({@code off pm02}, {@code on pm02}, {@code reset pm02}).
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
        try {
            Files.writeString(dir.resolve("actions.log"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The power changes so far, oldest first. */
    public List<String> actions() {
        Path file = dir.resolve("actions.log");
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
