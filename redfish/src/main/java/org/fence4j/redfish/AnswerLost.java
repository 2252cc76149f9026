package org.fence4j.redfish;

/** A request that acts (a POST) may have reached the service, and its answer was lost: never resent blind. */
final class AnswerLost extends RedfishException {
    private static final long serialVersionUID = 1L;

    AnswerLost(String message, Throwable cause) {
        super(message, cause);
    }
}
