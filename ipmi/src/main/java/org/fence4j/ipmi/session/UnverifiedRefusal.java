package org.fence4j.ipmi.session;

import org.fence4j.ipmi.IpmiException;

/**
 * A refusal no integrity check vouches for (an error status, a proof that does not verify):
 * anyone who can spoof the BMC's address could have sent it, so it ends a login attempt, not the
 * login. {@link #meaning(int)} is what it says when fresh attempts keep hearing it.
 */
public final class UnverifiedRefusal extends RetryableLoginException {
    private static final long serialVersionUID = 1L;
    private final IpmiException meaning;

    UnverifiedRefusal(IpmiException meaning) {
        super(meaning.getMessage());
        this.meaning = meaning;
    }

    /** What it says once {@code attempts} fresh login attempts in a row heard it, saying so. */
    public IpmiException meaning(int attempts) {
        String said = meaning.getMessage() + " (the same refusal on " + attempts + " fresh login attempts)";
        return meaning instanceof AuthenticationFailedException ? new AuthenticationFailedException(said)
                : new IpmiException(said);
    }
}
