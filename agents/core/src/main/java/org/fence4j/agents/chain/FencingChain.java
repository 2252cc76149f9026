package org.fence4j.agents.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fence4j.agents.config.FenceConfig.Level;
import org.fence4j.agents.config.FenceConfig.Target;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.MonotonicClock;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Proof;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a target's levels in priority order. For fencing actions the first level that succeeds
 * ends the chain; a level that fails or overruns its timeout passes to the next; when all fail,
 * the request fails. Each level runs on its own thread ({@link AgentCall}) so that an overrunning
 * agent can be cancelled (interrupted) while the chain moves on.
 *
 * <p>Interrupting the thread that calls {@link #fence} cancels the request: the running level
 * is cancelled and the result is FAILURE. The interrupt is consumed so that the caller can
 * still record the result (file channels refuse to work on an interrupted thread).
 */
public final class FencingChain {
    private static final Logger LOG = LoggerFactory.getLogger(FencingChain.class);

    private final ChainListener listener;
    private final MonotonicClock monotonicClock;
    private final Clock clock;

    public FencingChain(ChainListener listener) {
        this(listener, MonotonicClock.SYSTEM, Clock.systemUTC());
    }

    public FencingChain(ChainListener listener, MonotonicClock monotonicClock, Clock clock) {
        this.listener = listener;
        this.monotonicClock = monotonicClock;
        this.clock = clock;
    }

    /** Fences (ON, OFF, RESET): levels in order until one succeeds. */
    public ChainResult fence(Target target, FenceAction action, Duration requestTimeout) {
        if (!(action == FenceAction.ON || action.fences())) {
            throw new IllegalArgumentException("not a fencing action: " + action);
        }
        String name = target.name();
        LOG.info("{} started.", request(name, action));
        Instant start = clock.instant();
        Runs runs = runLevels(target, action, requestTimeout, true);
        Instant end = clock.instant();
        Optional<LevelReport> winner = runs.reports().stream().filter(r -> r.outcome() == Outcome.SUCCESS).findFirst();
        String took = DurationText.of(Duration.between(start, end));
        long skipped = runs.reports().stream().filter(r -> r.outcome() == Outcome.SKIPPED).count();
        long tried = runs.reports().size() - skipped;
        String summary = winner
                .map(w -> (action == FenceAction.ON ? request(name, action) : "Fencing " + name) + " succeeded by level "
                        + w.index() + " (" + w.agent() + ") in " + took + ".")
                .orElseGet(() -> request(name, action) + " failed: " + (runs.cancelled() ? "cancelled"
                        : tried == 0 ? "no level can " + can(action)
                        : "all " + tried + " level" + (tried == 1 ? "" : "s") + " failed"
                                + (skipped == 0 ? "" : " (" + skipped + " skipped)"))
                        + " in " + took + ".");
        if (winner.isPresent() || listener.showsOutcome()) {
            LOG.info(summary);
        } else {
            LOG.error(summary);
        }
        return new ChainResult(name, action, winner.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE, runs.reports(),
                winner, winner.map(LevelReport::power).orElse(PowerState.UNKNOWN), start, end, summary);
    }

    /** What is asked, for the operator: "Fencing pm02 (reset)", or "Powering pm02 on", which fences nothing. */
    public static String request(String target, FenceAction action) {
        return action == FenceAction.ON ? "Powering " + target + " on" : "Fencing " + target + " (" + action.word() + ")";
    }

    private static String can(FenceAction action) {
        return action == FenceAction.ON ? "power a node on" : action.word();
    }

    /**
     * Asks every level (STATUS or MONITOR). STATUS succeeds when a level read the power state
     * (the first one that did gives it); MONITOR succeeds when every device is healthy.
     */
    public ChainResult survey(Target target, FenceAction action, Duration requestTimeout) {
        requireSurvey(action);
        Instant start = clock.instant();
        List<LevelReport> reports = runLevels(target, action, requestTimeout, false).reports();
        return surveyResult(target, action, reports, start, clock.instant());
    }

    /**
     * Asks every level of every target (STATUS or MONITOR) at once, at most {@code parallel} levels
     * at a time, each within its own timeout and all within {@code requestTimeout}; the results in
     * the order of {@code targets}, each as {@link #survey} gives it. The listener is not told
     * (levels finish in any order); the log has a line per level.
     */
    public List<ChainResult> surveyAll(List<Target> targets, FenceAction action, Duration requestTimeout, int parallel)
            throws InterruptedException {
        requireSurvey(action);
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
        Deadline request = Deadline.after(requestTimeout, monotonicClock);
        Instant start = clock.instant();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, work -> {
            Thread t = new Thread(work, "survey");
            t.setDaemon(true);
            return t;
        });
        try {
            List<List<Future<LevelReport>>> asked = new ArrayList<>();
            for (Target target : targets) {
                List<Future<LevelReport>> levels = new ArrayList<>();
                for (Level level : target.levels()) {
                    levels.add(pool.submit(() -> surveyLevel(level, action, target.name(), request, requestTimeout)));
                }
                asked.add(levels);
            }
            List<ChainResult> results = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                List<LevelReport> reports = new ArrayList<>();
                for (Future<LevelReport> level : asked.get(t)) {
                    reports.add(answer(level));
                }
                results.add(surveyResult(targets.get(t), action, reports, start, clock.instant()));
            }
            return results;
        } finally {
            // on an interrupt, the levels still running are cancelled (their agents interrupted)
            pool.shutdownNow();
        }
    }

    private LevelReport surveyLevel(Level level, FenceAction action, String target, Deadline request,
            Duration requestTimeout) {
        LevelReport report;
        if (request.expired()) {
            report = timedOutBefore(level, requestTimeout);
        } else {
            long started = monotonicClock.nanoTime();
            try {
                report = runLevel(level, action, target, request);
            } catch (InterruptedException e) {
                report = cancelled(level, started);
            }
        }
        log(report);
        return report;
    }

    /** A level's report; the work behind it never throws (every failure is a report). */
    private static LevelReport answer(Future<LevelReport> level) throws InterruptedException {
        try {
            return level.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a survey level broke: " + e.getCause(), e.getCause());
        }
    }

    private static void requireSurvey(FenceAction action) {
        if (action != FenceAction.STATUS && action != FenceAction.MONITOR) {
            throw new IllegalArgumentException("not a survey action: " + action);
        }
    }

    /** STATUS succeeds when a level read the power (the first one that did gives it); MONITOR when all are healthy. */
    private static ChainResult surveyResult(Target target, FenceAction action, List<LevelReport> reports, Instant start,
            Instant end) {
        String name = target.name();
        Optional<LevelReport> knows = reports.stream()
                .filter(r -> r.outcome() == Outcome.SUCCESS && r.power() != PowerState.UNKNOWN).findFirst();
        long healthy = reports.stream().filter(r -> r.outcome() == Outcome.SUCCESS).count();
        boolean ok = action == FenceAction.STATUS ? knows.isPresent() : healthy == target.levels().size();
        PowerState power = knows.map(LevelReport::power).orElse(PowerState.UNKNOWN);
        String summary = action == FenceAction.MONITOR
                ? healthy + " of " + target.levels().size() + " devices for " + name + " are healthy."
                : knows.map(k -> name + " is powered " + power.name().toLowerCase(java.util.Locale.ROOT)
                        + " (read by level " + k.index() + ", " + k.agent() + ").")
                        .orElse("The power state of " + name + " is unknown: no level could read it.");
        return new ChainResult(name, action, ok ? Outcome.SUCCESS : Outcome.FAILURE, reports, knows, power,
                start, end, summary);
    }

    private record Runs(List<LevelReport> reports, boolean cancelled) {
    }

    private Runs runLevels(Target target, FenceAction action, Duration requestTimeout, boolean untilSuccess) {
        listener.started(target.name(), action);
        Deadline request = Deadline.after(requestTimeout, monotonicClock);
        List<LevelReport> reports = new ArrayList<>();
        boolean cancelled = false;
        for (Level level : target.levels()) {
            LevelReport report;
            if (!level.device().provider().actions().contains(action)) {
                report = unrun(level, Outcome.SKIPPED, "skipped: " + level.device().agentType() + " cannot " + can(action));
            } else if (cancelled) {
                report = unrun(level, Outcome.FAILURE, "not tried: the request was cancelled");
            } else if (request.expired()) {
                report = timedOutBefore(level, requestTimeout);
            } else {
                listener.levelStarted(level);
                long started = monotonicClock.nanoTime();
                try {
                    report = runLevel(level, action, target.name(), request);
                } catch (InterruptedException e) {
                    cancelled = true;
                    report = cancelled(level, started);
                }
            }
            reports.add(report);
            log(report);
            listener.levelFinished(report);
            if (untilSuccess && report.outcome() == Outcome.SUCCESS) {
                break;
            }
        }
        return new Runs(reports, cancelled);
    }

    private LevelReport runLevel(Level level, FenceAction action, String target, Deadline request)
            throws InterruptedException {
        Deadline deadline = request.atMost(level.timeout());
        long started = monotonicClock.nanoTime();
        FenceResult result = AgentCall.run(action, "level-" + level.index() + "-" + level.device().name(), () -> {
            FenceAgent opened;
            try {
                opened = level.device().open(deadline); // reads this device's secrets, and no other's
            } catch (ParameterException e) {
                return FenceResult.failure("cannot use " + level.device().name() + ": "
                        + String.join("; ", e.problems()));
            }
            try (FenceAgent agent = opened) {
                return agent.execute(action, target, deadline);
            }
        }, deadline.remaining().plus(AgentCall.GRACE), // a result that is late by a hair still counts
                "did not finish within " + DurationText.of(level.timeout()) + "; cancelled");
        Duration took = Duration.ofNanos(monotonicClock.nanoTime() - started);
        return new LevelReport(level.index(), level.device().name(), level.device().agentType(), result.outcome(),
                took, result.message(), result.power(), result.proof());
    }

    /** A level cancelled by the operator (Ctrl-C) after running since {@code startedNanos}. */
    private LevelReport cancelled(Level level, long startedNanos) {
        return new LevelReport(level.index(), level.device().name(), level.device().agentType(), Outcome.FAILURE,
                Duration.ofNanos(monotonicClock.nanoTime() - startedNanos), "cancelled by the operator",
                PowerState.UNKNOWN, Proof.NONE);
    }

    private static LevelReport timedOutBefore(Level level, Duration requestTimeout) {
        return unrun(level, Outcome.TIMEOUT, "not tried: the request timeout of " + DurationText.of(requestTimeout)
                + " was reached");
    }

    /** A report for a level that was not tried. */
    private static LevelReport unrun(Level level, Outcome outcome, String reason) {
        return new LevelReport(level.index(), level.device().name(), level.device().agentType(), outcome,
                Duration.ZERO, reason, PowerState.UNKNOWN, Proof.NONE);
    }

    private static void log(LevelReport r) {
        String line = "Level {} {}: {} (rc={})";
        // a failing level is the chain's normal way forward (the helper finds the target alive):
        // only an overrun deserves a warning
        if (r.outcome() == Outcome.TIMEOUT) {
            LOG.warn(line, r.index(), r.agent(), r.reason(), r.rc());
        } else {
            LOG.info(line, r.index(), r.agent(), r.reason(), r.rc());
        }
    }
}
