package org.fence4j.ipmi.rmcp;

import java.util.List;
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

    private static final List<PayloadType> TYPES = List.of(values());

    private final int code;

    PayloadType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PayloadType> byCode(int code) {
        for (PayloadType type : TYPES) {   // every datagram asks: no stream pipeline per datagram
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
