package org.fence4j.redfish.http;

import java.io.IOException;

/** The request never left: no connection, or TLS refused. Sending it again cannot act twice. */
public final class NotSentException extends IOException {
    private static final long serialVersionUID = 1L;

    NotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
