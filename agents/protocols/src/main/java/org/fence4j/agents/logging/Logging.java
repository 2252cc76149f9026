package org.fence4j.agents.logging;

/**
 * Configures the SLF4J simple backend before the first logger exists: operator lines on stderr,
 * warnings and errors always, INFO (and the time of each line) only with fence-cli's --verbose.
 * Every entry point calls it first: pacemaker-fenced logs each stderr line of an agent as a
 * warning, so an agent that succeeded leaves nothing there.
 */
public final class Logging {
    private Logging() {
    }

    public static void configure(boolean verbose) {
        // the backend named, so that SLF4J does not read every jar's service entries to find one; SLF4J's
        // own notes only when something is wrong (it would announce the named backend on stderr)
        setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        setIfAbsent("slf4j.internal.verbosity", "WARN");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        if (verbose) {
            // a session's log; without --verbose only warnings and errors, of this very moment, are shown,
            // and the date format is not built (the simple logger builds it at start: locale data, ~40 ms)
            setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
            setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss");
        }
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
