package org.fence4j.ipmi.command;

import java.util.Map;

/** IPMI completion codes (IPMI v2.0 table 5-2) as words an operator understands. */
public final class CompletionCode {
    public static final int OK = 0x00;
    public static final int INSUFFICIENT_PRIVILEGE = 0xd4;
    public static final int UNSPECIFIED = 0xff;

    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(0x00, "ok"), Map.entry(0xc0, "node busy"), Map.entry(0xc1, "invalid command"),
            Map.entry(0xc2, "command invalid for the LUN"), Map.entry(0xc3, "timeout while processing"),
            Map.entry(0xc4, "out of space"), Map.entry(0xc5, "reservation cancelled"),
            Map.entry(0xc6, "request data truncated"), Map.entry(0xc7, "request data length invalid"),
            Map.entry(0xc8, "request data too long"), Map.entry(0xc9, "parameter out of range"),
            Map.entry(0xca, "cannot return the requested number of bytes"), Map.entry(0xcb, "requested data not present"),
            Map.entry(0xcc, "invalid data field in request"), Map.entry(0xcd, "command illegal for this sensor or record type"),
            Map.entry(0xce, "response could not be provided"), Map.entry(0xcf, "duplicated request"),
            Map.entry(0xd0, "SDR repository in update mode"), Map.entry(0xd1, "device in firmware update mode"),
            Map.entry(0xd2, "BMC initialization in progress"), Map.entry(0xd3, "destination unavailable"),
            Map.entry(0xd4, "insufficient privilege level (the user may not do this)"),
            Map.entry(0xd5, "not supported in the present state"), Map.entry(0xd6, "sub-function disabled or unavailable"),
            Map.entry(0xff, "unspecified error"));

    private CompletionCode() {
    }

    public static String describe(int code) {
        return TEXT.getOrDefault(code, "unknown completion code") + String.format(" (0x%02x)", code);
    }
}
