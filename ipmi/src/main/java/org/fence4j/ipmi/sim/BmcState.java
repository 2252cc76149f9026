package org.fence4j.ipmi.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** What a test can observe of the simulated machine: power, chassis commands, sessions. Thread-safe. */
final class BmcState {
    final AtomicBoolean power;
    final List<String> chassisLog = new CopyOnWriteArrayList<>();
    final AtomicInteger sessionsActivated = new AtomicInteger();
    final AtomicInteger sessionsClosed = new AtomicInteger();
    final AtomicInteger activeSessions = new AtomicInteger();

    BmcState(boolean powerOn) {
        power = new AtomicBoolean(powerOn);
    }
}
