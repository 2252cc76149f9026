package org.fence4j.redfish;

/** The service could not do what was asked; the message says why in one line, without any secret. */
class RedfishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedfishException(String message) {
        super(message);
    }

    RedfishException(String message, Throwable cause) {
        super(message, cause);
    }
}
