package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fence4j.agents.testing.FakeClock;

/**
 * A probe whose answers are set per address and try, and whether this host can reach each address;
 * counts tries and sees interruptions.
 */
final class ScriptedProbe implements Probe {

    enum Reply { ANSWER, SILENT, ERROR, HANG }

    private final Map<String, List<Reply>> script = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> interrupted = new ConcurrentHashMap<>();
    private final Map<String, String> unreachable = new ConcurrentHashMap<>();
    private final Semaphore hanging = new Semaphore(0);
    private FakeClock clock;
    private Duration costPerTry = Duration.ZERO;

    /** The replies of successive tries; the last one repeats. */
    ScriptedProbe on(String address, Reply... replies) {
        script.put(address, List.of(replies));
        return this;
    }

    /** {@code address} cannot be reached from this host, for {@code why}. */
    ScriptedProbe unreachable(String address, String why) {
        unreachable.put(address, why);
        return this;
    }

    /** Each try moves the fake clock on, as a real ping takes time. */
    ScriptedProbe costing(Duration perTry, FakeClock clock) {
        this.costPerTry = perTry;
        this.clock = clock;
        return this;
    }

    @Override
    public boolean answers(ProbeAddress address, Duration limit) throws IOException, InterruptedException {
        int attempt = tries.computeIfAbsent(address.text(), a -> new AtomicInteger()).incrementAndGet();
        List<Reply> replies = script.getOrDefault(address.text(), List.of(Reply.SILENT));
        if (clock != null) {
            clock.advance(costPerTry);
        }
        switch (replies.get(Math.min(attempt, replies.size()) - 1)) {
            case ANSWER -> {
                return true;
            }
            case ERROR -> throw new IOException("ping exited 2: it could not send");
            case HANG -> {
                hanging.release();
                try {
                    // stands for a ping that is still waiting; only an interruption ends it here
                    TimeUnit.MINUTES.sleep(5);
                    throw new AssertionError("a hanging probe was never stopped");
                } catch (InterruptedException e) {
                    interrupted.put(address.text(), true);
                    throw e;
                }
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public Optional<String> whyCannotReach(ProbeAddress address) {
        return Optional.ofNullable(unreachable.get(address.text()));
    }

    int tries(String address) {
        AtomicInteger count = tries.get(address);
        return count == null ? 0 : count.get();
    }

    boolean wasInterrupted(String address) {
        return interrupted.getOrDefault(address, false);
    }

    /** Waits until {@code count} probes hang. */
    boolean awaitHanging(int count) throws InterruptedException {
        return hanging.tryAcquire(count, 30, TimeUnit.SECONDS);
    }
}
