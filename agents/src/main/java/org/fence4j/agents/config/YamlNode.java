package org.fence4j.agents.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line of every node, so that configuration
 * errors can name the line. Jackson's own tree model forgets locations.
 */
sealed interface YamlNode {

    int line();

    /** A scalar; {@code text} is null for YAML null ({@code ~} or nothing). */
    record Scalar(String text, int line) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
    }

    record Entry(String key, int line, YamlNode value) {
    }

    /** Thrown for a key that appears twice in one mapping: YAML parsers keep the last silently. */
    final class DuplicateKeyException extends IOException {
        private static final long serialVersionUID = 1L;
        final String key;
        final int line;
        final int firstLine;

        DuplicateKeyException(String key, int line, int firstLine) {
            super("duplicate key '" + key + "'");
            this.key = key;
            this.line = line;
            this.firstLine = firstLine;
        }
    }

    /** Reads the value at the parser's current token (advancing past it). */
    static YamlNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        int line = lineOf(parser.currentTokenLocation());
        if (token == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = lineOf(parser.currentTokenLocation());
                parser.nextToken();
                Entry entry = new Entry(key, keyLine, read(parser));
                Entry first = entries.putIfAbsent(key, entry);
                if (first != null) {
                    throw new DuplicateKeyException(key, keyLine, first.line());
                }
            }
            return new Mapping(entries, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new Sequence(items, line);
        }
        return new Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), line);
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }
}
