package org.fence4j.toydriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.PowerConnection;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.agents.spi.PowerState;

/** The power of {@code node} in {@code dir/NODE.power} (no file: on); every command appended to actions.log. */
record ToyPowerDevice(Path dir, String node, boolean stuckOn) implements PowerDevice {

    @Override
    public String describe() {
        return "the toy device in " + dir;
    }

    @Override
    public String address() {
        return dir.toString();
    }

    @Override
    public PowerConnection connect(Deadline deadline) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is not a directory");
        }
        return new PowerConnection() {
            @Override
            public PowerState readPower(Deadline by) {
                try {
                    return Files.readString(file(), StandardCharsets.UTF_8).strip().equals("off") ? PowerState.OFF
                            : PowerState.ON;
                } catch (NoSuchFileException e) {
                    return PowerState.ON;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void setPower(boolean on, Deadline by) {
                write("actions.log", (on ? "on " : "off ") + node + "\n", StandardOpenOption.APPEND);
                if (on || !stuckOn) {
                    write(node + ".power", on ? "on\n" : "off\n", StandardOpenOption.TRUNCATE_EXISTING);
                }
            }

            @Override
            public String device() {
                return "the toy device";
            }

            @Override
            public void close() {
            }
        };
    }

    private Path file() {
        return dir.resolve(node + ".power");
    }

    private void write(String name, String text, StandardOpenOption mode) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
