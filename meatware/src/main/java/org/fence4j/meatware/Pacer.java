package org.fence4j.meatware;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits a while for the answer; tests replace it to move a fake clock instead. */
@FunctionalInterface
interface Pacer {
    Pacer REAL = (answer, max) -> {
        try {
            return answer.get(Math.max(1, max.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            return new Answer.Refused("internal error: " + e.getCause());
        }
    };

    /** The answer if it came within {@code max}, else null. */
    Answer await(CompletableFuture<Answer> answer, Duration max) throws InterruptedException;
}
