package org.fence4j.ipmi.rmcp;

import java.util.Arrays;
import java.util.Optional;

/** The 6-bit payload type of an RMCP+ session header. */
public enum PayloadType {
    IPMI(0x00),
    OPEN_SESSION_REQUEST(0x10),
    OPEN_SESSION_RESPONSE(0x11),
    RAKP1(0x12),
    RAKP2(0x13),
    RAKP3(0x14),
    RAKP4(0x15);

    private final int code;

    PayloadType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PayloadType> byCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
