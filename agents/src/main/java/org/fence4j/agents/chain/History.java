package org.fence4j.agents.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The request history: one JSON object per line, appended under an exclusive lock so that
 * concurrent processes never interleave lines (like {@code stonith_admin --history}).
 */
public final class History {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public History(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void append(HistoryEntry entry) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE); var lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** The newest {@code limit} entries, oldest first, optionally of one target. */
    public List<HistoryEntry> read(Optional<String> target, int limit) throws IOException {
        Deque<HistoryEntry> newest = new ArrayDeque<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                HistoryEntry e;
                try {
                    e = JSON.readValue(line, HistoryEntry.class);
                } catch (IOException damaged) {
                    continue; // a torn line from a crash must not hide the rest
                }
                if (target.isEmpty() || target.get().equals(e.target())) {
                    newest.addLast(e);
                    if (newest.size() > limit) {
                        newest.removeFirst();
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return List.copyOf(newest);
    }

    /** The JSON form of any value, in the history's naming; for --json output. */
    public static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }
}
