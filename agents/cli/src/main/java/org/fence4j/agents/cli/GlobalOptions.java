package org.fence4j.agents.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.IntSupplier;
import org.fence4j.agents.config.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Options every subcommand accepts, before or after the subcommand's name; declared on fence-cli itself.
 * The options of a request ({@link #REQUEST_OPTIONS}) only the subcommands that make one accept after
 * their name and show in their help ({@link CliCommand#requestOptions()}).
 */
final class GlobalOptions {
    static final String TIMEOUT = "--timeout";
    static final String NO_WAIT = "--no-wait";
    static final Set<String> REQUEST_OPTIONS = Set.of(TIMEOUT, NO_WAIT);


    private final CliCommand.Arg<Path> config;
    private final CliCommand.Arg<Boolean> json;
    private final CliCommand.Arg<Boolean> utc;
    private final IntSupplier verbose;
    private final CliCommand.Arg<Duration> timeout;
    private final CliCommand.Arg<Boolean> noWait;

    GlobalOptions(CliCommand root) {
        config = root.globalOption("--config", "FILE", Path.class, null,
                "Configuration file (default: $FENCE4J_CONFIG, else /etc/fence4j/fence4j.yaml).");
        json = root.globalFlag("--json", "Print one JSON document instead of text. In a request's, 'power' is the"
                + " power last read (UNKNOWN: none was; after a reset, OFF as read during it, though the node is on"
                + " again), 'proof' what the success rests on (POWER_READ_OFF, POWER_READ_ON, TARGET_DEAD,"
                + " OPERATOR_CONFIRMED or NONE).");
        utc = root.globalFlag("--utc", "Times in UTC instead of local time (text: 2026-12-07 03:10:00Z;"
                + " --json: ISO 8601 with the offset, 2026-12-07T04:10:00.123+01:00 without --utc).");
        verbose = root.globalCountedFlag("-v, --verbose", "Show operator log lines (INFO) on stderr, and stack traces"
                + " of internal errors; twice (-vv) the DEBUG lines too.");
        timeout = root.globalOption(TIMEOUT, "DURATION", Duration.class, new DurationConverter(),
                "Limit for the whole request, e.g. 90s or 10m (default: the sum of the level timeouts).");
        noWait = root.globalFlag(NO_WAIT, "Refuse at once if another request for the target is running (default:"
                + " wait for it, within the timeout).");
    }

    /** --config, or null. */
    Path config() {
        return config.value();
    }

    boolean json() {
        return json.value();
    }

    boolean utc() {
        return utc.value();
    }

    boolean verbose() {
        return verbosity() > 0;
    }

    /** How many times -v or --verbose was given. */
    int verbosity() {
        return verbose.getAsInt();
    }

    /** --timeout, or null. */
    Duration timeout() {
        return timeout.value();
    }

    /** --no-wait: refuse at once rather than wait for another request for the target. */
    boolean noWait() {
        return noWait.value();
    }

    /** Parses 40s, 2m, 500ms, 1h. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value).filter(d -> !d.isZero())
                    .orElseThrow(() -> new TypeConversionException("expected " + Durations.EXPECTED + ", got '" + value + "'"));
        }
    }
}
