package org.fence4j.ipmi.session;

import java.util.Objects;

/**
 * How to open a session.
 *
 * @param cipherSuite      a cipher suite id, or -1 to offer 17 and fall back to 3
 * @param allowCipherZero  accept cipher suite 0 (no authentication at all) when asked for it
 */
public record SessionOptions(int cipherSuite, boolean allowCipherZero, Privilege privilege, RetryPolicy retry) {
    public static final int AUTO = -1;

    public SessionOptions {
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(retry, "retry");
    }

    public static SessionOptions defaults() {
        return new SessionOptions(AUTO, false, Privilege.ADMINISTRATOR, RetryPolicy.DEFAULT);
    }

    public SessionOptions withCipherSuite(int id) {
        return new SessionOptions(id, allowCipherZero, privilege, retry);
    }

    public SessionOptions withPrivilege(Privilege p) {
        return new SessionOptions(cipherSuite, allowCipherZero, p, retry);
    }

    public SessionOptions withRetry(RetryPolicy r) {
        return new SessionOptions(cipherSuite, allowCipherZero, privilege, r);
    }

    public SessionOptions allowingCipherZero() {
        return new SessionOptions(cipherSuite, true, privilege, retry);
    }
}
