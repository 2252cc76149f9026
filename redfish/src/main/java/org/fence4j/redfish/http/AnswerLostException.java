package org.fence4j.redfish.http;

import java.io.IOException;

/**
 * The request may have reached the service, but no whole answer came back (the connection dropped
 * or the time ran out): the service may have acted on it.
 */
public final class AnswerLostException extends IOException {
    private static final long serialVersionUID = 1L;

    AnswerLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
