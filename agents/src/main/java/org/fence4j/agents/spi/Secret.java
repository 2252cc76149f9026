package org.fence4j.agents.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * The first line of a file, as every secret file is read ({@code X_file}, ipmitool -f): only a
     * regular file of at most 64 KiB, within {@code limit}. The IOException's message says what is
     * wrong without naming the file (the caller may, where the path is not secret itself).
     */
    public static Secret readFirstLine(Path file, Duration limit) throws IOException {
        byte[] bytes = SecretFile.read(file, limit);
        try {
            return of(SecretFile.firstLine(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The first line a command prints ({@code X_script}), read from a pipe within {@code limit}. */
    static Secret fromScript(String command, Duration limit) throws IOException {
        byte[] bytes = SecretScript.run(command, limit);
        try {
            return of(SecretFile.firstLine(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
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
