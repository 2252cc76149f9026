package org.fence4j.agents.spi;

import java.util.Locale;
import java.util.Optional;

/** The value kinds a parameter can have; {@link #xmlName()} is the metadata content type. */
public enum ParameterType {
    STRING("string", "a text"),
    INTEGER("integer", "a whole number"),
    BOOLEAN("boolean", "a boolean (yes/no, true/false, on/off, 1/0)"),
    /** Seconds, as fence-agents' "second" options: a non-negative number, fractions allowed. */
    SECONDS("second", "a number of seconds"),
    /** One of a fixed list of choices. */
    SELECT("select", "one of the listed choices");

    private final String xmlName;
    private final String expected;

    ParameterType(String xmlName, String expected) {
        this.xmlName = xmlName;
        this.expected = expected;
    }

    public String xmlName() {
        return xmlName;
    }

    /** What a person must write, for error messages. */
    public String expected() {
        return expected;
    }

    /** The boolean words both protocols accept (fencing.py: 1|yes|on|true / 0|no|off|false). */
    public static Optional<Boolean> parseBoolean(String value) {
        return Optional.ofNullable(switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "y", "on", "true" -> Boolean.TRUE;
            case "0", "no", "n", "off", "false" -> Boolean.FALSE;
            default -> null;
        });
    }
}
