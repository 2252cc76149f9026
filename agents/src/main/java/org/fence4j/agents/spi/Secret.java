package org.fence4j.agents.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A password or key. Its value is never part of {@link #toString()}, logs or messages. */
public final class Secret {
    public static final String MASK = "******";

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    public static Secret ofBytes(byte[] value) {
        return new Secret(value.clone());
    }

    /** The first line of a file, as every secret file is read ({@code X_file}, ipmitool -f). */
    public static Secret readFirstLine(Path file) throws IOException {
        return of(firstLine(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** The text up to the first line end (\n or \r\n). */
    static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** A copy of the value; the caller should clear it when done. */
    public byte[] bytes() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** Compares in constant time. */
    public boolean matches(byte[] other) {
        return java.security.MessageDigest.isEqual(value, other);
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
