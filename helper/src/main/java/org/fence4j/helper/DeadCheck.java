package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fence4j.agents.spi.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is the target already dead? Probes every address in parallel, each up to the trial count one
 * second apart; the first answer stops all other probes. Only when every address stayed silent
 * through all its tries, and this host could have heard each one, is the target dead: a probe
 * error, an address this host cannot reach or the deadline leaves it undecided.
 */
final class DeadCheck {
    private static final Logger log = LoggerFactory.getLogger(DeadCheck.class);
    private static final Duration BETWEEN_TRIES = Duration.ofSeconds(1);
    /** Longest one ping may take; it ends itself after one second ({@code -w1}). */
    private static final Duration TRY_LIMIT = Duration.ofSeconds(3);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    enum Verdict {
        /** Every address stayed silent: the target is dead. */
        SILENT,
        /** An address answered: the target may be alive. */
        ANSWERED,
        /** An address could not be probed: undecided. */
        UNKNOWN,
        /** The deadline came first: undecided. */
        OUT_OF_TIME
    }

    /** @param detail for the operator: which address answered, or why nothing was decided */
    record Result(Verdict verdict, String detail) {
    }

    private final Probe probe;
    private final int trialCount;

    DeadCheck(Probe probe, int trialCount) {
        this.probe = probe;
        this.trialCount = trialCount;
    }

    Result run(String target, List<ProbeAddress> addresses, Deadline deadline) throws InterruptedException {
        log.info("Helper {}: probing {} (up to {} tries each).", target, addresses, trialCount);
        ExecutorService pool = Executors.newFixedThreadPool(addresses.size(), daemonThreads(target));
        try {
            CompletionService<Result> probes = new ExecutorCompletionService<>(pool);
            addresses.forEach(a -> probes.submit(() -> probeUntilAnswer(target, a, deadline)));
            Result undecided = null;
            for (int i = 0; i < addresses.size(); i++) {
                Future<Result> done = probes.poll(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
                if (done == null) {
                    return new Result(Verdict.OUT_OF_TIME, "the dead check did not finish before the level's deadline");
                }
                Result result = outcome(done);
                if (result.verdict() == Verdict.ANSWERED) {
                    return result;
                }
                if (result.verdict() != Verdict.SILENT && undecided == null) {
                    undecided = result;
                }
            }
            return undecided != null ? undecided : new Result(Verdict.SILENT, "all silent");
        } finally {
            stop(pool);
        }
    }

    private Result probeUntilAnswer(String target, ProbeAddress address, Deadline deadline)
            throws InterruptedException {
        for (int attempt = 1; attempt <= trialCount; attempt++) {
            if (deadline.expired()) {
                return outOfTime(address, attempt - 1);
            }
            try {
                if (probe.answers(address, deadline.remainingAtMost(TRY_LIMIT))) {
                    log.info("Helper {}: {} answered (try {} of {}).", target, address, attempt, trialCount);
                    return new Result(Verdict.ANSWERED, address + " answered");
                }
            } catch (IOException e) {
                if (deadline.expired()) {
                    return outOfTime(address, attempt - 1);
                }
                log.warn("Helper {}: cannot probe {}: {}.", target, address, e.getMessage());
                return new Result(Verdict.UNKNOWN, "could not probe " + address + " (" + e.getMessage() + ")");
            }
            if (attempt < trialCount && !Within.sleep(BETWEEN_TRIES, deadline)) {
                return outOfTime(address, attempt);
            }
        }
        Optional<String> meaningless = whySilenceProvesNothing(address);
        if (meaningless.isPresent()) {
            log.warn("Helper {}: {} stayed silent, but that proves nothing: {}.", target, address, meaningless.get());
            return new Result(Verdict.UNKNOWN,
                    address + " stayed silent, but that proves nothing: " + meaningless.get());
        }
        log.info("Helper {}: {} did not answer {} tries.", target, address, trialCount);
        return new Result(Verdict.SILENT, address + " is silent");
    }

    /** Asked after the tries, so that it holds when the silence would count. */
    private Optional<String> whySilenceProvesNothing(ProbeAddress address) {
        if (address.address().isLoopbackAddress()) {
            return Optional.of("it is this host's own loopback, which no other node can answer for");
        }
        return probe.whyCannotReach(address);
    }

    private Result outOfTime(ProbeAddress address, int triesDone) {
        return new Result(Verdict.OUT_OF_TIME, "the dead check did not finish before the"
                + " level's deadline (" + address + ": " + triesDone + " of " + trialCount + " tries done)");
    }

    private static Result outcome(Future<Result> done) throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            // a probe that broke decides nothing; say what broke
            log.error("Helper: a probe failed unexpectedly.", e.getCause());
            return new Result(Verdict.UNKNOWN, "a probe failed: " + e.getCause());
        }
    }

    /** Interrupts every probe still running (each ends its ping) and waits a bounded moment for them. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Helper: some probes did not stop within {} ms.", STOP_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String target) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "helper-probe-" + target + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
