package org.fence4j.agents.spi;

import java.nio.charset.StandardCharsets;
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
