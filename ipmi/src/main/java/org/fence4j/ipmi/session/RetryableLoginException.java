package org.fence4j.ipmi.session;

import org.fence4j.ipmi.IpmiException;

/**
 * A handshake failed in a way a fresh Open Session may not meet: an answer that could not be
 * read, or a BMC that refused a step for a reason other than our credentials.
 */
public class RetryableLoginException extends IpmiException {
    private static final long serialVersionUID = 1L;

    public RetryableLoginException(String message) {
        super(message);
    }
}
