package org.fence4j.ipmi.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open a session.
 *
 * @param cipherSuite       a cipher suite id, or -1 to offer 17 and fall back to 3
 * @param allowCipherZero   accept cipher suite 0 (no authentication at all) when asked for it
 * @param allowNoIntegrity  accept cipher suites 1, 6 and 15 (answers not authenticated) when asked for one
 * @param loginAttempt      how long one handshake may take before it is started afresh (the caller's
 *                          deadline bounds all of them)
 */
public record SessionOptions(int cipherSuite, boolean allowCipherZero, boolean allowNoIntegrity, Privilege privilege,
        RetryPolicy retry, Duration loginAttempt) {
    public static final int AUTO = -1;

    public SessionOptions {
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(retry, "retry");
        if (loginAttempt.isNegative() || loginAttempt.isZero()) {
            throw new IllegalArgumentException("a login attempt needs a positive duration");
        }
    }

    public static SessionOptions defaults() {
        return new SessionOptions(AUTO, false, false, Privilege.ADMINISTRATOR, RetryPolicy.DEFAULT, Duration.ofSeconds(5));
    }

    public SessionOptions withCipherSuite(int id) {
        return new SessionOptions(id, allowCipherZero, allowNoIntegrity, privilege, retry, loginAttempt);
    }

    public SessionOptions withPrivilege(Privilege p) {
        return new SessionOptions(cipherSuite, allowCipherZero, allowNoIntegrity, p, retry, loginAttempt);
    }

    public SessionOptions withRetry(RetryPolicy r) {
        return new SessionOptions(cipherSuite, allowCipherZero, allowNoIntegrity, privilege, r, loginAttempt);
    }

    public SessionOptions withLoginAttempt(Duration d) {
        return new SessionOptions(cipherSuite, allowCipherZero, allowNoIntegrity, privilege, retry, d);
    }

    public SessionOptions allowingCipherZero() {
        return new SessionOptions(cipherSuite, true, allowNoIntegrity, privilege, retry, loginAttempt);
    }

    public SessionOptions allowingNoIntegrity() {
        return new SessionOptions(cipherSuite, allowCipherZero, true, privilege, retry, loginAttempt);
    }
}
