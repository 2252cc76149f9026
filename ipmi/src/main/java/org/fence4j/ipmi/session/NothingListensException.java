package org.fence4j.ipmi.session;

/**
 * The BMC's host said, with an ICMP port unreachable, that nothing listens on the BMC's UDP port,
 * and nothing came from the BMC on that path: no answer, and a reason for it. Not authenticated
 * (anyone who can spoof the host's address could send it), so it may only end a login sooner as
 * a failure, never decide a success.
 */
public final class NothingListensException extends NoAnswerException {
    private static final long serialVersionUID = 1L;

    public NothingListensException(String message) {
        super(message);
    }
}
