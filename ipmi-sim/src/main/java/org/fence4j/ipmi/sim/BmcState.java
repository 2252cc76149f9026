package org.fence4j.ipmi.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What a test can observe of the simulated machine: power, chassis commands, sessions. Thread-safe. */
final class BmcState {
    /** How long a power cycle keeps the machine off, as ipmi_sim's about a second. */
    static final Duration CYCLE_OFF = Duration.ofSeconds(1);

    final List<String> chassisLog = new CopyOnWriteArrayList<>();
    final AtomicInteger sessionsActivated = new AtomicInteger();
    final AtomicInteger sessionsClosed = new AtomicInteger();
    final AtomicInteger activeSessions = new AtomicInteger();
    private boolean power;
    /** While a cycle runs: System.nanoTime() at which the power comes back on. */
    private Long backOnAt;

    BmcState(boolean powerOn) {
        power = powerOn;
    }

    synchronized boolean powerOn() {
        if (backOnAt != null && System.nanoTime() - backOnAt >= 0) {
            power = true;
            backOnAt = null;
        }
        return power;
    }

    synchronized void setPower(boolean on) {
        power = on;
        backOnAt = null;
    }

    /** Off now, on again by itself {@link #CYCLE_OFF} later. */
    synchronized void cycle() {
        power = false;
        backOnAt = System.nanoTime() + CYCLE_OFF.toNanos();
    }
}
