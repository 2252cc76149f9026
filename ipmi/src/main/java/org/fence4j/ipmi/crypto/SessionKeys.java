package org.fence4j.ipmi.crypto;

/** K1 signs session packets, K2's first 16 bytes encrypt them. Never printed. */
public record SessionKeys(byte[] k1, byte[] k2) {

    @Override
    public String toString() {
        return "SessionKeys[******]";
    }
}
