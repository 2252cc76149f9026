package org.fence4j.ipmi.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol's steps in words at DEBUG (fence_* agents' -vv, fence-cli -vv): each request of
 * the handshake and the session and what answered it, so that an operator sees where a call
 * stops. Callers give names, statuses, counts and times, never a password, Kg, key, random or
 * HMAC. The logger is made only when DEBUG was asked for (fence4j's entry points set the simple
 * logger's level before anything logs): a call at the default level loads no logging.
 */
public final class StepLog {
    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final Logger LOG = debugAsked() ? LoggerFactory.getLogger("org.fence4j.ipmi") : null;

    private StepLog() {
    }

    private static boolean debugAsked() {
        String level = System.getProperty(LEVEL, "info");
        return level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace");
    }

    /** Whether steps are said: a caller that must build its words tests this first. */
    public static boolean on() {
        return LOG != null && LOG.isDebugEnabled();
    }

    /** One step, as SLF4J formats it ("{}" replaced by each argument in turn). */
    public static void say(String format, Object... arguments) {
        if (on()) {
            LOG.debug("ipmi: " + format, arguments);
        }
    }
}
