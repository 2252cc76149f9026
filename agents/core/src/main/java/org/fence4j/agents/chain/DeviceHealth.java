package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.state.PrivateDirectory;

/**
 * The last status or monitor result of each device, one small file each in the state directory:
 * what {@code fence-cli show} prints beside each level, and what tells a monitor that fails after
 * one that succeeded (the device broke, which the history records) from the next failing one
 * (Pacemaker monitors every minute). Reads and writes decide nothing: a state directory that
 * cannot be used safely remembers nothing, and validate reports it.
 */
public final class DeviceHealth {
    /** At most this much of a message is kept: a line beside a level, not a log. */
    private static final int MOST_MESSAGE = 300;

    private final Path stateDir;

    /** One device's last result. */
    public record Last(Outcome outcome, FenceAction action, Instant at, String message) {
    }

    public DeviceHealth(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** A configured device, by its name in fence4j.yaml. */
    public static String configured(String device) {
        return "health-" + device.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /**
     * A device called alone through an adapter: the adapter and a hash of its parameters (secrets
     * masked). A plain hash does: the few devices of one node need only differ, and a digest's
     * provider set-up would cost every monitor call.
     */
    static String calledAlone(String adapter, Map<String, String> maskedParameters) {
        return "health-" + adapter.replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                + Integer.toHexString(new TreeMap<>(maskedParameters).toString().hashCode());
    }

    /** Remembers {@code now} as the device's last result and returns the one before it, if any. */
    public Optional<Last> remember(String key, Last now) {
        try {
            PrivateDirectory state = PrivateDirectory.create(stateDir, FenceConfig.STATE_DIRECTORY);
            Optional<Last> before = read(state, key);
            String message = now.message() == null ? "" : now.message().replaceAll("\\s*\\R\\s*", " ");
            String line = now.outcome() + " " + now.action().word() + " " + now.at().toEpochMilli() + " "
                    + message.substring(0, Math.min(message.length(), MOST_MESSAGE));
            state.replace(key, line.getBytes(StandardCharsets.UTF_8));
            return before;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Each level's result of a status or monitor survey, under its configured device's name. */
    public void remember(ChainResult survey) {
        for (LevelReport level : survey.levels()) {
            if (level.outcome() != Outcome.SKIPPED) {
                remember(configured(level.device()), new Last(level.outcome(), survey.action(), survey.end(),
                        level.reason()));
            }
        }
    }

    /** The device's last result, if one was remembered. */
    public Optional<Last> last(String key) {
        try {
            Optional<PrivateDirectory> state = PrivateDirectory.existing(stateDir, FenceConfig.STATE_DIRECTORY);
            return state.isEmpty() ? Optional.empty() : read(state.get(), key);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Last> read(PrivateDirectory state, String key) throws IOException {
        try (var channel = state.open(key, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(MOST_MESSAGE * 4 + 64);
            channel.read(bytes);
            String[] fields = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).split(" ", 4);
            Optional<FenceAction> action = FenceAction.parse(fields[1]);
            return action.map(a -> new Last(Outcome.valueOf(fields[0]), a, Instant.ofEpochMilli(Long.parseLong(
                    fields[2])), fields.length > 3 ? fields[3] : ""));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (RuntimeException damaged) {
            return Optional.empty();
        }
    }
}
