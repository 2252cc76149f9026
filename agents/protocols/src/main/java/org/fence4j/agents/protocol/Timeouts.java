package org.fence4j.agents.protocol;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.ParameterSpec;

/**
 * How long an adapter lets an agent work: until shortly before its caller gives up on it, so that
 * the caller hears the agent's own answer ("timed out: ...") instead of killing it.
 *
 * <p>Pacemaker's fencer passes no timeout to an agent (Pacemaker 2.1.5 and later: the agent gets
 * action, nodename, nodeid, port and the device's own parameters; pcmk_*_timeout and CRM_meta_*
 * are dropped, and fence agents get no environment of their own). It kills the agent at the device's
 * pcmk_ACTION_timeout, else at the request's timeout. The device tells the agent the same number
 * with {@link #PARAMETER}; without it, the fencer alone ends the agent, as fence-agents'
 * disable_timeout does.
 */
public final class Timeouts {
    /** For a person or script calling an adapter directly. */
    static final Duration STANDALONE = Duration.ofSeconds(60);
    /**
     * Under Pacemaker's fencer without a timeout parameter, its defaults, at which it kills the agent:
     * 20 s for a monitor, status or list (an operation's default timeout), and stonith-timeout's
     * default, 60 s, for a fence. The agent ends before them with its own reason.
     */
    static final Duration FENCER_READS = Duration.ofSeconds(20);
    static final Duration FENCER_FENCES = Duration.ofSeconds(60);
    /** Linux reports times in /proc in these ticks a second, whatever the kernel's own tick. */
    private static final long USER_HZ = 100;
    /**
     * The longest margin kept back for the answer to reach the caller (and the JVM to exit). From a
     * 20 s limit on, it covers an agent that ignores its deadline: AgentCall lets the work overrun it by
     * its grace, then waits as long again for the work to stop, and the answer still precedes the kill.
     */
    static final Duration MAX_MARGIN = Duration.ofSeconds(5);

    /** The caller's limit, as a parameter of both protocols. */
    public static final ParameterSpec PARAMETER = ParameterSpec.seconds("timeout", "Give up after X seconds")
            .withLongDescription("The caller's time limit for one action, in seconds; the agent answers (at worst"
                    + " with a timeout) a quarter of it, at most 5 s, earlier. Under pacemaker-fenced, which passes no"
                    + " timeout to agents, set it to the device's pcmk_reboot_timeout (default: 60; when run by"
                    + " pacemaker-fenced, the fencer's own defaults: 20 for monitor, status and list, 60 for a"
                    + " fence).");

    private Timeouts() {
    }

    /** The limit when the caller gave none; {@code fences}: on, off or reset. */
    public static Duration defaultTimeout(UnaryOperator<String> environment, boolean fences) {
        if (!underFencer(environment)) {
            return STANDALONE;
        }
        return fences ? FENCER_FENCES : FENCER_READS;
    }

    /**
     * The agent's own deadline for a caller that gives up {@code limit} after it started this process,
     * {@code spent} ago: a quarter of the limit (at most {@link #MAX_MARGIN}) earlier.
     */
    public static Deadline deadline(Optional<Duration> limit, UnaryOperator<String> environment, Duration spent,
            boolean fences) {
        Duration callers = limit.orElseGet(() -> defaultTimeout(environment, fences));
        return Deadline.after(callers.minus(margin(callers)).minus(spent));
    }

    /**
     * Why a call that timed out had that limit, when the fencer gave none: said beside the timeout, so
     * that the log tells the operator what to set.
     */
    public static Optional<String> assumed(Optional<Duration> limit, UnaryOperator<String> environment,
            boolean fences) {
        if (limit.isPresent() || !underFencer(environment)) {
            return Optional.empty();
        }
        return Optional.of("no timeout parameter: pacemaker-fenced's default of "
                + DurationText.of(defaultTimeout(environment, fences)) + " for " + (fences ? "a fence (stonith-timeout)"
                : "monitor, status and list") + " was assumed; give the device timeout= as its pcmk_"
                + (fences ? "reboot" : "monitor") + "_timeout to allow more");
    }

    private static boolean underFencer(UnaryOperator<String> environment) {
        return "pacemaker-fenced".equals(environment.apply("PCMK_service"));
    }

    static Duration margin(Duration limit) {
        Duration quarter = limit.dividedBy(4);
        return quarter.compareTo(MAX_MARGIN) < 0 ? quarter : MAX_MARGIN;
    }

    /**
     * How long this process has run: the JVM's start-up counts against the caller's limit too. Read
     * from /proc (its start in clock ticks after boot against the uptime, 10 ms apart), which costs
     * far less than {@link ProcessHandle.Info} (that also looks up the user and the command line);
     * without /proc, from ProcessHandle.
     */
    public static Duration sinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // after "pid (comm) " come the fields from the 3rd on; the 22nd is the start time
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startMillis = Long.parseLong(fields[22 - 3]) * 1000 / USER_HZ;
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            long upMillis = new BigDecimal(uptime.substring(0, uptime.indexOf(' '))).movePointRight(3).longValue();
            return Duration.ofMillis(Math.max(0, upMillis - startMillis));
        } catch (IOException | RuntimeException noProc) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, Instant.now()))
                    .filter(d -> !d.isNegative())
                    .orElse(Duration.ZERO);
        }
    }
}
