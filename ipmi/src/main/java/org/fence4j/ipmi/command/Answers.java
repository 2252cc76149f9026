package org.fence4j.ipmi.command;

import org.fence4j.ipmi.IpmiException;

/** Checks on answer data shared by the commands. */
final class Answers {
    private Answers() {
    }

    static void need(byte[] data, int length, String command) {
        if (data.length < length) {
            throw new IpmiException(command + ": the BMC answered " + data.length + " data bytes, expected at least " + length);
        }
    }
}
