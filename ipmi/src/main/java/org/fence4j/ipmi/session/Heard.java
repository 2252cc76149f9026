package org.fence4j.ipmi.session;

import org.fence4j.ipmi.IpmiException;

/**
 * What one exchange heard besides the answer it waits for: the refusal to report if nothing
 * authentic comes, and the newest superseded answer, taken if no later try is answered.
 */
public final class Heard<T> {
    private IpmiException refusal;
    private T superseded;
    private int supersededTry;

    public void refused(IpmiException failure) {
        // a refusal that names a cause (a wrong user, a bad proof) outranks one a fresh login may not meet
        if (refusal == null || failure instanceof UnverifiedRefusal || !(failure instanceof RetryableLoginException)) {
            refusal = failure;
        }
    }

    public void superseded(T value, int forTry) {
        if (forTry >= supersededTry) {
            superseded = value;
            supersededTry = forTry;
        }
    }

    /** A refusal and no authentic answer at all. */
    public boolean onlyRefused() {
        return refusal != null && superseded == null;
    }

    public IpmiException refusal() {
        return refusal;
    }

    /** At the end of the tries: the superseded answer, else the refusal is thrown, else {@code silence}. */
    public T outcome(NoAnswerException silence) {
        if (superseded != null) {
            return superseded;
        }
        throw refusal != null ? refusal : silence;
    }
}
