package org.fence4j.meatware;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.fence4j.agents.syslog.Syslog;
import org.slf4j.LoggerFactory;

/**
 * Tells syslog at once, at crit level, that an operator must reset the node, as cluster-glue's
 * meatware does. A line that does not reach syslog is a warning on stderr: the prompt and the
 * confirmation go on all the same.
 */
final class OperatorAlert {
    static final String TAG = "fence4j-meatware";

    private final Syslog syslog;

    OperatorAlert(Syslog syslog) {
        this.syslog = syslog;
    }

    /** Completes when logger is done: empty, or why the alert did not reach syslog (also logged). */
    CompletableFuture<Optional<String>> send(String message) {
        return syslog.send(TAG, Syslog.Severity.CRIT, message).thenApply(failure -> failure.map(why -> {
            String said = "The operator alert did not reach syslog through " + syslog.socket() + ": " + why;
            LoggerFactory.getLogger(OperatorAlert.class).warn(said);
            return said;
        }));
    }
}
