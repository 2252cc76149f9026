package org.fence4j.ipmi.session;

import org.fence4j.ipmi.IpmiException;

/** The BMC refused the login, or proved it does not share our secrets. */
public class AuthenticationFailedException extends IpmiException {
    private static final long serialVersionUID = 1L;
    public static final String MISMATCH = "authentication failed: wrong password or Kg, or not the expected BMC";

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
