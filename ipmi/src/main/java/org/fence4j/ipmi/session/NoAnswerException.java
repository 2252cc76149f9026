package org.fence4j.ipmi.session;

import org.fence4j.ipmi.IpmiException;

/** No acceptable answer within the tries or the deadline: the request's effect is unknown. */
public class NoAnswerException extends IpmiException {
    private static final long serialVersionUID = 1L;

    public NoAnswerException(String message) {
        super(message);
    }
}
