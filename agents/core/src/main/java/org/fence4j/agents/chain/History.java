package org.fence4j.agents.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.files.FileProblem;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.state.FileLocks;
import org.fence4j.agents.state.PrivateDirectory;
import org.slf4j.LoggerFactory;

/**
 * The request history: one JSON object per line, appended under an exclusive lock so that
 * concurrent processes never interleave lines (like {@code stonith_admin --history}). It lives in
 * the state directory, a {@link PrivateDirectory}: created 0700, the file 0600, never through a link.
 */
public final class History {
    /**
     * Jackson's data binding, for reading the history and for --json, made on first use: a fence
     * appends its line with the streaming generator ({@link #line}), as an ObjectMapper's set-up is slow.
     */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .disable(SerializationFeature.INDENT_OUTPUT);
    }

    private static final JsonFactory STREAMING = new JsonFactory();

    /** The longest wait for the file's lock: writing the history never holds up a request for long. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final Path file;

    public History(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one line under an exclusive lock, waiting for the lock at most {@link #LONGEST_WAIT}
     * and never past {@code deadline}: a reader that keeps the file locked costs the entry, never
     * the request's time.
     *
     * @throws IOException also when the lock stayed held; the entry is then not written
     */
    public void append(HistoryEntry entry, Deadline deadline) throws IOException, InterruptedException {
        byte[] line = (line(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = directory(true).orElseThrow().open(file.getFileName().toString(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            if (FileLocks.poll(channel, deadline.atMost(LONGEST_WAIT)) == null) {
                throw new IOException(file + " is locked by another process; gave up after at most "
                        + DurationText.of(LONGEST_WAIT) + " so as not to hold up the request");
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /**
     * Appends the entry, and when that fails says so in an ERROR line naming the fix: the history
     * never changes an outcome nor holds a request past its deadline (losing a confirmed fence to a
     * full disk must not fence the node again).
     */
    public void record(HistoryEntry entry, Deadline deadline) {
        String problem;
        try {
            append(entry, deadline);
            return;
        } catch (IOException e) {
            problem = FileProblem.named(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // passed on; the outcome is reported all the same
            problem = "interrupted";
        }
        LoggerFactory.getLogger(History.class).error("The history could not be written, the outcome stands: {};"
                + " not recorded: {}", problem, entry.summary());
    }

    /** The state directory, checked; empty when it does not exist and {@code create} is false. */
    private Optional<PrivateDirectory> directory(boolean create) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return create ? Optional.of(PrivateDirectory.create(dir, FenceConfig.STATE_DIRECTORY))
                : PrivateDirectory.existing(dir, FenceConfig.STATE_DIRECTORY);
    }

    /** The newest {@code limit} entries, oldest first, optionally of one target. */
    public List<HistoryEntry> read(Optional<String> target, int limit) throws IOException {
        Deque<HistoryEntry> newest = new ArrayDeque<>();
        Optional<PrivateDirectory> dir = directory(false);
        if (dir.isEmpty()) {
            return List.of();
        }
        // a damaged byte must not hide the rest: it reads as U+FFFD, and its line is skipped below
        CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(Channels.newReader(
                dir.get().open(file.getFileName().toString(), StandardOpenOption.READ), lenient, -1))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                HistoryEntry e;
                try {
                    e = Json.JSON.readValue(line, HistoryEntry.class);
                } catch (IOException damaged) {
                    continue; // a torn line from a crash must not hide the rest
                }
                if (!isWhole(e)) {
                    continue; // JSON, but not an entry fence4j wrote
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

    private static boolean isWhole(HistoryEntry e) {
        return e.target() != null && e.action() != null && e.start() != null && e.end() != null && e.outcome() != null
                && e.levels() != null && !e.levels().contains(null);
    }

    /** The JSON form of any value, in the history's naming; for --json output. */
    public static String json(Object value) throws IOException {
        return Json.JSON.writeValueAsString(value);
    }

    /**
     * The entry as {@link #json} writes it (HistoryTest holds them equal): snake_case, nulls as null, in
     * record order. Jackson's streaming generator: an ObjectMapper's set-up would cost the fence's call.
     */
    static String line(HistoryEntry e) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = STREAMING.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("target", e.target());
            g.writeStringField("action", e.action());
            g.writeStringField("requester", e.requester());
            g.writeStringField("start", e.start());
            g.writeStringField("end", e.end());
            g.writeStringField("outcome", e.outcome());
            g.writeFieldName("level");
            if (e.level() == null) {
                g.writeNull();
            } else {
                g.writeNumber(e.level());
            }
            g.writeStringField("device", e.device());
            g.writeStringField("power", e.power());
            g.writeStringField("proof", e.proof());
            g.writeStringField("summary", e.summary());
            g.writeArrayFieldStart("levels");
            for (HistoryEntry.Step s : e.levels()) {
                g.writeStartObject();
                g.writeNumberField("level", s.level());
                g.writeStringField("device", s.device());
                g.writeStringField("agent", s.agent());
                g.writeStringField("outcome", s.outcome());
                g.writeStringField("power", s.power());
                g.writeNumberField("duration_ms", s.durationMs());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException impossible) { // a StringWriter does not fail
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }
}
