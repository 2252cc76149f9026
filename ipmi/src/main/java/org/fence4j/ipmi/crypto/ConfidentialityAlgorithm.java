package org.fence4j.ipmi.crypto;

import java.util.Arrays;
import java.util.Optional;

/** Payload encryption (Open Session payload type 2); xRC4 is not offered. */
public enum ConfidentialityAlgorithm {
    NONE(0),
    AES_CBC_128(1);

    private final int number;

    ConfidentialityAlgorithm(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<ConfidentialityAlgorithm> byNumber(int number) {
        return Arrays.stream(values()).filter(a -> a.number == number).findFirst();
    }
}
