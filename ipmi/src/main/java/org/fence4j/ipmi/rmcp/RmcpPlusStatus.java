package org.fence4j.ipmi.rmcp;

/** RMCP+ status codes of Open Session and RAKP answers (IPMI v2.0 table 13-15). */
public final class RmcpPlusStatus {
    public static final int OK = 0x00;
    public static final int INVALID_SESSION_ID = 0x02;
    public static final int INVALID_AUTHENTICATION_ALGORITHM = 0x04;
    public static final int INVALID_ROLE = 0x09;
    public static final int UNAUTHORIZED_ROLE = 0x0a;
    public static final int UNAUTHORIZED_NAME = 0x0d;
    public static final int INVALID_INTEGRITY_CHECK_VALUE = 0x0f;
    public static final int NO_CIPHER_SUITE_MATCH = 0x11;

    private static final String[] TEXT = {
        "no errors", "insufficient resources to create a session", "invalid session id", "invalid payload type",
        "invalid authentication algorithm", "invalid integrity algorithm", "no matching authentication payload",
        "no matching integrity payload", "inactive session id", "invalid role",
        "unauthorized role or privilege level requested", "insufficient resources to create a session at the requested role",
        "invalid name length", "unauthorized name", "unauthorized GUID", "invalid integrity check value",
        "invalid confidentiality algorithm", "no cipher suite match with proposed security algorithms",
        "illegal or unrecognized parameter",
    };

    private RmcpPlusStatus() {
    }

    public static String describe(int status) {
        return (status < TEXT.length ? TEXT[status] : "unknown status") + String.format(" (0x%02x)", status);
    }
}
