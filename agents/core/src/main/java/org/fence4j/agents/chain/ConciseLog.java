package org.fence4j.agents.chain;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.syslog.Syslog;

/**
 * The concise log, in pm_logconv's spirit: one plain syslog line (facility daemon, tag
 * {@code fence4j}) when a fence starts, one per level tried and one for the outcome, each a sentence
 * an operator reads at once. Pacemaker's own log says little of what a fence agent did, and only
 * once the agent ends. One request's lines go through one logger started in the background: they
 * neither slow nor change a fence.
 */
public final class ConciseLog {
    static final String TAG = "fence4j";
    /** The longest wait, at a request's end, for its lines to reach logger. */
    private static final Duration FLUSH = Duration.ofMillis(500);

    private final Syslog syslog;
    private Syslog.Lines lines;

    public ConciseLog(Syslog syslog) {
        this.syslog = syslog;
    }

    public static ConciseLog fromEnvironment(UnaryOperator<String> environment) {
        return new ConciseLog(Syslog.fromEnvironment(environment));
    }

    /** "Fencing pm01 (reset) through its chain of 3 levels, requested by pacemaker-fenced." */
    void started(String target, FenceAction action, String through, String requester) {
        send(Syslog.Severity.NOTICE, request(target, action) + " through " + through + ", requested by " + requester
                + ".");
    }

    /** "Fencing pm01 (reset): level 1 helper-pm01 failed after 0.3 s: pm01 is alive." */
    void level(String target, FenceAction action, LevelReport level) {
        send(level.outcome() == Outcome.SUCCESS ? Syslog.Severity.NOTICE
                : Syslog.Severity.WARNING, request(target, action) + ": level " + level.index() + " " + level.device()
                + " " + outcome(level.outcome()) + " after " + DurationText.of(level.duration()) + ": "
                + sentence(level.reason()));
    }

    /** The chain's outcome: its summary, which names the level that fenced or says why none did. */
    void finished(ChainResult result) {
        send(result.succeeded() ? Syslog.Severity.NOTICE : Syslog.Severity.ERR, sentence(result.summary()));
        end();
    }

    /** "Fencing pm02 (reset) by fence_fence4j_ipmi succeeded in 0.1 s: pm02 was powered off and is on again." */
    void finished(String target, FenceAction action, String device, FenceResult result, Duration took) {
        send(result.succeeded() ? Syslog.Severity.NOTICE : Syslog.Severity.ERR, request(target, action) + " by "
                + device + " " + outcome(result.outcome()) + " in " + DurationText.of(took) + ": "
                + sentence(result.message()));
        end();
    }

    /** A chain that broke (a bug, not a failed level): its outcome unknown, its lines ended all the same. */
    void abandoned(String target, FenceAction action, RuntimeException broke) {
        send(Syslog.Severity.ERR, request(target, action) + " broke: " + broke.getClass().getSimpleName() + "; "
                + target + " is NOT known to be fenced.");
        end();
    }

    private void send(Syslog.Severity severity, String line) {
        if (lines == null) {
            lines = syslog.lines(TAG);
        }
        // one record a line: a name with a line end in it must not start a record of its own choosing. A
        // line that does not arrive costs nothing but the line.
        lines.send(severity, line.replaceAll("\\s*\\R\\s*", " "));
    }

    private void end() {
        if (lines != null) {
            lines.close(FLUSH);
            lines = null;
        }
    }

    private static String request(String target, FenceAction action) {
        return "Fencing " + target + " (" + action.word() + ")";
    }

    private static String outcome(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "succeeded";
            case FAILURE -> "failed";
            case TIMEOUT -> "timed out";
            case SKIPPED -> "was skipped";
        };
    }

    /** One line: syslog lines end at a newline, and a sentence ends with a full stop. */
    private static String sentence(String text) {
        String line = text == null || text.isBlank() ? "no reason given" : text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.endsWith(".") ? line : line + ".";
    }
}
