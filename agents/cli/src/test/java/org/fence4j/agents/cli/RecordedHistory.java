package org.fence4j.agents.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.state.PrivateDirectory;

/**
 * History lines as fence4j's entry points write them, and the entries History reads back from them: the
 * tests of what fence-cli prints need not build entries field by field.
 */
final class RecordedHistory {
    private RecordedHistory() {
    }

    /** A per-level device's record, as Pacemaker's fencer has fence_fence4j_TYPE write it. */
    static String device(String target, String action, String device, String outcome, String start, String end) {
        return """
                {"target":"%s","action":"%s","requester":"pacemaker-fenced","start":"%s","end":"%s","outcome":"%s",\
                "level":null,"device":"%s","power":"OFF","summary":"%s %s","levels":[]}"""
                .formatted(target, action, start, end, outcome, device, device, outcome);
    }

    /** A chain's record with one step per level, each {@code "DEVICE OUTCOME MS REASON"}. */
    static String chain(String target, String action, String requester, String start, String end, String outcome,
            String... steps) {
        StringBuilder levels = new StringBuilder();
        Integer succeeded = null;
        String device = null;
        for (int i = 0; i < steps.length; i++) {
            String[] s = steps[i].split(" ", 4);
            if (s[1].equals("SUCCESS")) {
                succeeded = i + 1;
                device = s[0];
            }
            levels.append(i == 0 ? "" : ",").append("""
                    {"level":%d,"device":"%s","agent":"toy","outcome":"%s","duration_ms":%s,"reason":"%s"}"""
                    .formatted(i + 1, s[0], s[1], s[2], s[3]));
        }
        return """
                {"target":"%s","action":"%s","requester":"%s","start":"%s","end":"%s","outcome":"%s","level":%s,\
                "device":%s,"power":"OFF","summary":"...","levels":[%s]}"""
                .formatted(target, action, requester, start, end, outcome, succeeded,
                        device == null ? "null" : "\"" + device + "\"", levels);
    }

    /** Writes {@code lines} as the history of {@code stateDir} (created private) and returns the file. */
    static Path write(Path stateDir, String... lines) throws IOException {
        PrivateDirectory.create(stateDir, FenceConfig.STATE_DIRECTORY);
        Path file = stateDir.resolve("history.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /** The entries History reads from {@code lines}. */
    static List<HistoryEntry> read(Path stateDir, String... lines) throws IOException {
        return new History(write(stateDir, lines)).read(Optional.empty(), Integer.MAX_VALUE);
    }
}
