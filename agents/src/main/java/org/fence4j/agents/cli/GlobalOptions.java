package org.fence4j.agents.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.fence4j.agents.config.Durations;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/** Options every subcommand accepts, before or after the subcommand's name. */
public final class GlobalOptions {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: $FENCE4J_CONFIG, else /etc/fence4j/fence4j.yaml).")
    Path config;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show operator log lines (INFO) on stderr, and stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Limit for the whole request, e.g. 90s or 10m (default: the sum of the level timeouts).")
    Duration timeout;

    /** Parses 40s, 2m, 500ms, 1h. */
    public static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value).filter(d -> !d.isZero())
                    .orElseThrow(() -> new TypeConversionException("expected " + Durations.EXPECTED + ", got '" + value + "'"));
        }
    }
}
