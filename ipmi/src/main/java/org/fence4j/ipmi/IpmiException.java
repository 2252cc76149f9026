package org.fence4j.ipmi;

/** A failure talking IPMI whose message is fit for an operator: says what went wrong, never a secret. */
public class IpmiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IpmiException(String message) {
        super(message);
    }

    public IpmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
