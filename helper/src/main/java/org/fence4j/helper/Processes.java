package org.fence4j.helper;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending child processes the way upstream's dead check does: TERM, a moment's grace, then KILL. */
final class Processes {
    private static final Duration GRACE = Duration.ofMillis(200);

    private Processes() {
    }

    /** Ends {@code process} and its descendants (a shell's children too); never waits longer than the grace. */
    static void end(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        boolean interrupted = Thread.interrupted();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            process.destroyForcibly();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
