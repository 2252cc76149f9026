package org.fence4j.agents.logging;

import org.fence4j.agents.spi.ProtocolSteps;
import org.slf4j.LoggerFactory;

/**
 * Configures the SLF4J simple backend before the first logger exists: operator lines on stderr,
 * warnings and errors always, INFO (and the time of each line) only with fence-cli's --verbose,
 * DEBUG with -vv (as the fence_* agents' verbose_level).
 * Every entry point calls it first: pacemaker-fenced logs each stderr line of an agent as a
 * warning, so an agent that succeeded leaves nothing there.
 */
public final class Logging {
    /** The simple backend's level, read once, when the first logger is made. */
    public static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {
    }

    public static void configure(boolean verbose) {
        configure(verbose ? 1 : 0);
    }

    /** 0: warnings and errors; 1 (-v): INFO too; 2 or more (-vv): DEBUG too. */
    public static void configure(int verbosity) {
        // the backend named, so that SLF4J does not read every jar's service entries to find one; SLF4J's
        // own notes only when something is wrong (it would announce the named backend on stderr)
        setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        setIfAbsent("slf4j.internal.verbosity", "WARN");
        setIfAbsent(LEVEL, level(verbosity));
        if (verbosity > 0) {
            // a session's log; without --verbose only warnings and errors, of this very moment, are shown,
            // and the date format is not built (the simple logger builds it at start: locale data, ~40 ms)
            setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
            setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss");
        }
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "false");
        protocolStepsAtDebug();
    }

    /**
     * At DEBUG (-vv), the drivers' protocol steps ({@link ProtocolSteps}) go to the log; else nowhere,
     * and no logger is made for them. Called again by whoever sets the level later (verbose_level).
     */
    public static void protocolStepsAtDebug() {
        String level = System.getProperty(LEVEL, "info");
        boolean debug = level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace");
        ProtocolSteps.sendTo(debug ? LoggerFactory.getLogger("org.fence4j.steps")::debug : null);
    }

    /** The simple logger's level for {@code verbosity} -v flags. */
    static String level(int verbosity) {
        return verbosity >= 2 ? "debug" : verbosity == 1 ? "info" : "warn";
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
