package org.fence4j.agents.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A YAML document as a tree that remembers the line of every node, so that configuration
 * errors can name the line; read from SnakeYAML's parser events. Every scalar stays text (the
 * configuration says what each key expects), except YAML's null.
 */
sealed interface YamlNode {

    int line();

    /** A scalar; {@code text} is null for YAML null ({@code ~}, {@code null} or nothing). */
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

    /** Thrown for YAML that parses but cannot be a configuration: a key that is not text, an unknown alias. */
    final class UnusableYamlException extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        UnusableYamlException(String problem, int line) {
            super(problem);
            this.line = line;
        }
    }

    /** Plain scalars that YAML reads as null. */
    Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    /** Aliases a document may use; each is a reference, but a bound keeps a crafted file from growing without end. */
    int MOST_ALIASES = 50;
    /** Far deeper than a configuration goes. */
    int MOST_DEPTH = 64;

    /**
     * The first document of {@code yaml}, or null when it holds none. Throws SnakeYAML's
     * {@code YAMLException} for text that is not YAML.
     */
    static YamlNode firstDocument(String yaml) throws DuplicateKeyException, UnusableYamlException {
        Parser parser = new ParserImpl(new StreamReader(yaml), new LoaderOptions());
        parser.getEvent();   // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return null;
        }
        parser.getEvent();   // document start
        return new Reading(parser).node();
    }

    /** The state of reading one document: the parser and the anchors seen so far. */
    final class Reading {
        private final Parser parser;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private int aliases;
        private int depth;

        private Reading(Parser parser) {
            this.parser = parser;
        }

        /** The node that starts at the parser's next event, read past its end. */
        private YamlNode node() throws DuplicateKeyException, UnusableYamlException {
            Event event = parser.getEvent();
            int line = lineOf(event);
            if (++depth > MOST_DEPTH) { // each level is a call: a crafted file must not end in a StackOverflowError
                throw new UnusableYamlException("nested deeper than " + MOST_DEPTH + " levels", line);
            }
            try {
                return nodeOf(event, line);
            } finally {
                depth--;
            }
        }

        private YamlNode nodeOf(Event event, int line) throws DuplicateKeyException, UnusableYamlException {
            if (event instanceof AliasEvent alias) {
                YamlNode anchored = anchors.get(alias.getAnchor());
                if (anchored == null) {
                    // not named: a plain value that starts with '*' (a password) is read as an alias
                    throw new UnusableYamlException("an alias (*) with no anchor (&) before it; quote a value that"
                            + " starts with '*'", line);
                }
                if (++aliases > MOST_ALIASES) {
                    throw new UnusableYamlException("more than " + MOST_ALIASES + " aliases", line);
                }
                return anchored;
            }
            YamlNode node;
            if (event instanceof MappingStartEvent) {
                node = new Mapping(entries(), line);
            } else if (event instanceof SequenceStartEvent) {
                List<YamlNode> items = new ArrayList<>();
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    items.add(node());
                }
                parser.getEvent();
                node = new Sequence(items, line);
            } else {
                ScalarEvent scalar = (ScalarEvent) event;
                boolean isNull = scalar.getScalarStyle() == ScalarStyle.PLAIN && NULLS.contains(scalar.getValue());
                node = new Scalar(isNull ? null : scalar.getValue(), line);
            }
            String anchor = ((NodeEvent) event).getAnchor();
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private Map<String, Entry> entries() throws DuplicateKeyException, UnusableYamlException {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                Event key = parser.getEvent();
                int keyLine = lineOf(key);
                if (!(key instanceof ScalarEvent scalar)) {
                    throw new UnusableYamlException("a key that is not text", keyLine);
                }
                Entry entry = new Entry(scalar.getValue(), keyLine, node());
                Entry first = entries.putIfAbsent(entry.key(), entry);
                if (first != null) {
                    throw new DuplicateKeyException(entry.key(), keyLine, first.line());
                }
            }
            parser.getEvent();
            return entries;
        }

        private static int lineOf(Event event) {
            return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
        }
    }
}
