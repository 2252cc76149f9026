package org.fence4j.agents.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object whose keys keep the order written: --json output must not reorder from run to run. */
final class OrderedJson {
    private OrderedJson() {
    }

    /** {@code object("a", 1, "b", 2)}: keys and values alternating. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
