package org.fence4j.agents.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.process.BoundedCommand;
import org.fence4j.agents.spi.DurationText;

/**
 * The cluster's fencing history, asked of Pacemaker's fencer with {@code stonith_admin --history}: bounded
 * in time and size, as an operator's look must not hang on a fencer that does not answer.
 */
final class StonithAdmin {
    static final String PROGRAM = "stonith_admin";
    /** The fencer answers from memory in milliseconds; a busy one is not worth more of the operator's wait. */
    static final Duration LIMIT = Duration.ofSeconds(5);
    /** Pacemaker keeps 500 events at most, some 250 bytes each in XML. */
    static final int MAX_OUTPUT = 1024 * 1024;

    private final String searchPath;
    private final ZoneId localZone;
    private final Duration limit;

    /**
     * @param searchPath where to look for stonith_admin (the run's PATH)
     * @param localZone  of a time stonith_admin gives without offset
     * @param limit      how long it may take ({@link #LIMIT})
     */
    StonithAdmin(String searchPath, ZoneId localZone, Duration limit) {
        this.searchPath = searchPath;
        this.localZone = localZone;
        this.limit = limit;
    }

    /** Every event Pacemaker keeps (--verbose: without it stonith_admin shows only some), or of {@code target}. */
    ClusterHistory history(Optional<String> target) throws InterruptedException {
        List<String> command = List.of(PROGRAM, "--history", target.orElse("*"), "--verbose", "--output-as", "xml");
        BoundedCommand.Result result;
        try {
            BoundedCommand run = BoundedCommand.of(command).maxOutput(MAX_OUTPUT);
            if (searchPath != null) {
                run.environment("PATH", searchPath);
            }
            result = run.run(limit);
        } catch (BoundedCommand.TimedOut e) {
            return ClusterHistory.unavailable(PROGRAM + " did not answer within " + DurationText.of(limit));
        } catch (IOException e) {
            return ClusterHistory.unavailable(e.getMessage());
        }
        try {
            ClusterHistory history = FenceHistoryXml.read(result.stdout(), localZone);
            if (result.exitCode() != 0 && history.available()) {
                return ClusterHistory.unavailable(PROGRAM + " failed (exit code " + result.exitCode() + ")");
            }
            return history.available() ? history : ClusterHistory.unavailable(PROGRAM + ": " + history.unavailable());
        } catch (IOException notItsXml) {
            // an older Pacemaker without --output-as says so on stderr
            String said = result.messages().lines().findFirst().orElse(notItsXml.getMessage());
            return ClusterHistory.unavailable(PROGRAM + " (exit code " + result.exitCode() + "): " + said);
        }
    }
}
