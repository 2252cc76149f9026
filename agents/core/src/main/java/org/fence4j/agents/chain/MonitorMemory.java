package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.state.PrivateDirectory;

/**
 * The last monitor outcome of each device, one small file each in the state directory: Pacemaker
 * monitors every device every minute, and only the change from healthy to broken belongs in the
 * history. A device is known by its adapter's name and its parameters without secrets (a hash:
 * the file names nothing of the device).
 */
final class MonitorMemory {
    private final Path stateDir;

    MonitorMemory(Path stateDir) {
        this.stateDir = stateDir;
    }

    /**
     * The file name of a device: its adapter and a hash of its parameters (secrets masked). A plain
     * hash does: the few devices of one node need only differ, and a digest's provider set-up would
     * cost every monitor call.
     */
    static String key(String adapter, Map<String, String> maskedParameters) {
        return "monitor-" + adapter.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + Integer.toHexString(new TreeMap<>(maskedParameters).toString().hashCode());
    }

    /**
     * Remembers {@code now} as the device's last outcome and returns the one before it, if any. A
     * state directory that cannot be used safely remembers nothing (and is reported by validate).
     */
    Optional<Outcome> swap(String key, Outcome now) {
        try {
            PrivateDirectory state = PrivateDirectory.create(stateDir, FenceConfig.STATE_DIRECTORY);
            Optional<Outcome> before = read(state, key);
            if (before.isEmpty() || before.get() != now) {
                try (var channel = state.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(ByteBuffer.wrap(now.name().getBytes(StandardCharsets.US_ASCII)));
                }
            }
            return before;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Outcome> read(PrivateDirectory state, String key) throws IOException {
        try (var channel = state.open(key, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(16);
            channel.read(bytes);
            String word = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip();
            return Optional.of(Outcome.valueOf(word));
        } catch (NoSuchFileException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
