package org.fence4j.agents.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;

/**
 * A history entry as --json prints it: every field the history has, in its order, but start and end
 * with the offset of the zone ({@link TimeText#json}) instead of the file's UTC instant.
 */
final class EntryJson {
    /** Made on first use: only --json output needs it. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private static final TypeReference<LinkedHashMap<String, Object>> ORDERED = new TypeReference<>() {
    };

    private EntryJson() {
    }

    /** Read back from History's own JSON, so that a field the history gains is printed too. */
    static Map<String, Object> of(HistoryEntry entry, TimeText times) throws IOException {
        Map<String, Object> document = Mapper.JSON.readValue(History.json(entry), ORDERED);
        document.computeIfPresent("start", (key, start) -> times.json((String) start));
        document.computeIfPresent("end", (key, end) -> times.json((String) end));
        return document;
    }
}
