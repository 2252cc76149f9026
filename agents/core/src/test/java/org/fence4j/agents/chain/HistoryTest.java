package org.fence4j.agents.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.spi.Deadline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path dir;

    static HistoryEntry entry(String target, String outcome) {
        return new HistoryEntry(target, "reset", "root@/dev/pts/1", "2026-11-25T10:00:00Z", "2026-11-25T10:00:02Z",
                outcome, null, null, "UNKNOWN", "NONE", "summary", List.of(
                        new HistoryEntry.Step(1, "helper-" + target, "helper", "FAILURE", "UNKNOWN", 12, "alive")));
    }

    @Test
    void appendsAndReadsTheNewestPerTarget() throws Exception {
        History h = new History(dir.resolve("state/history.jsonl"));
        assertThat(h.read(Optional.empty(), 10)).isEmpty();
        h.append(entry("pm01", "SUCCESS"), Deadline.after(Duration.ofSeconds(5)));
        h.append(entry("pm02", "FAILURE"), Deadline.after(Duration.ofSeconds(5)));
        h.append(entry("pm02", "SUCCESS"), Deadline.after(Duration.ofSeconds(5)));
        assertThat(h.read(Optional.empty(), 10)).hasSize(3);
        assertThat(h.read(Optional.of("pm02"), 1)).containsExactly(entry("pm02", "SUCCESS"));
        assertThat(Files.readAllLines(h.file())).hasSize(3).allMatch(l -> l.startsWith("{\"target\":"));
    }

    @Test
    void aTornLineDoesNotHideTheRest() throws Exception {
        History h = new History(dir.resolve("history.jsonl"));
        h.append(entry("pm01", "SUCCESS"), Deadline.after(Duration.ofSeconds(5)));
        Files.writeString(h.file(), "{\"target\":\"pm0", StandardOpenOption.APPEND);
        Files.writeString(h.file(), "\n", StandardOpenOption.APPEND);
        h.append(entry("pm02", "SUCCESS"), Deadline.after(Duration.ofSeconds(5)));
        assertThat(h.read(Optional.empty(), 10)).extracting(HistoryEntry::target).containsExactly("pm01", "pm02");
    }

    @Test
    void aDamagedByteOrAJsonLineThatIsNoEntryDoesNotHideTheRest() throws Exception {
        History h = new History(dir.resolve("history.jsonl"));
        h.append(entry("pm01", "SUCCESS"), Deadline.after(Duration.ofSeconds(5)));
        Files.write(h.file(), new byte[] {'{', (byte) 0xff, '}', '\n'}, StandardOpenOption.APPEND);
        Files.writeString(h.file(), "{}\n{\"target\":\"pm02\"}\n", StandardOpenOption.APPEND);
        h.append(entry("pm02", "SUCCESS"), Deadline.after(Duration.ofSeconds(5)));
        assertThat(h.read(Optional.empty(), 10)).extracting(HistoryEntry::target).containsExactly("pm01", "pm02");
    }

    @Test
    void theLineAFenceAppendsIsWhatJacksonWrites() throws Exception {
        String awkward = "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 unit \u001f del \u007f é ☃ 𝄞 </script>";
        List<HistoryEntry> entries = List.of(entry("pm01", "SUCCESS"),
                new HistoryEntry("pm02", "off", awkward, "s", "e", "SUCCESS", 2, "ipmi-pm02", "OFF", "POWER_READ_OFF", awkward, List.of(
                        new HistoryEntry.Step(1, "helper-pm02", "helper", "FAILURE", "UNKNOWN", 0, awkward),
                        new HistoryEntry.Step(2, "ipmi-pm02", "ipmi", "SUCCESS", null, Long.MAX_VALUE, null))),
                new HistoryEntry(null, null, null, null, null, null, null, null, null, null, null, List.of()));
        for (HistoryEntry e : entries) {
            assertThat(History.line(e)).isEqualTo(History.json(e));
        }
        History h = new History(dir.resolve("history.jsonl"));
        h.append(entries.get(1), Deadline.after(Duration.ofSeconds(5)));
        assertThat(h.read(Optional.empty(), 1)).containsExactly(entries.get(1));
    }
}
