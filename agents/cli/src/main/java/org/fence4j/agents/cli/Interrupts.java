package org.fence4j.agents.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C while fencing: the first one interrupts the running request, which then fails and is
 * recorded as cancelled; a second one ends the process at once with exit code 1.
 */
final class Interrupts {
    private Interrupts() {
    }

    /** Undoes the handler. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    static Registration onInterrupt(Thread worker) {
        Signal sigint = new Signal("INT");
        AtomicInteger presses = new AtomicInteger();
        sun.misc.SignalHandler previous = Signal.handle(sigint, signal -> {
            if (presses.incrementAndGet() == 1) {
                worker.interrupt();
            } else {
                Runtime.getRuntime().halt(ExitCodes.FAILED);
            }
        });
        return () -> Signal.handle(sigint, previous);
    }
}
