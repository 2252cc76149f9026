package org.fence4j.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.redfish.http.Reply;

/**
 * Follows a 202 Accepted to its end: the task monitor (Location) is read, at the pace its
 * Retry-After asks, until it answers other than 202 or the deadline. A task that ends in Exception,
 * Killed or Cancelled is a failure with its messages; one that completed, or whose monitor is gone
 * (404), leaves the power to be read, as after any reset.
 */
final class TaskMonitor {
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    private static final Set<String> FAILED = Set.of("Exception", "Killed", "Cancelled", "Interrupted");
    private static final Set<String> RUNNING = Set.of("New", "Starting", "Running", "Pending", "Stopping",
            "Suspended", "Service");
    /** However fast the monitor answers, a bound on how often it is read. */
    private static final int MOST_READS = 600;

    private TaskMonitor() {
    }

    /** {@code requestPath}: where the action was posted, which a relative Location is read against. */
    static void follow(RedfishSession session, String what, String requestPath, Reply accepted, Deadline by)
            throws InterruptedException {
        Optional<String> monitor = accepted.header("location")
                .or(() -> Json.parse(accepted.body()).flatMap(b -> Json.text(b, "@odata.id")))
                .map(reference -> session.pathOf(reference, requestPath));
        if (monitor.isEmpty()) {
            return;
        }
        Reply reply = accepted;
        Duration pause = FIRST_PAUSE;
        for (int reads = 0; reads < MOST_READS; reads++) {
            Duration wait = Backoff.retryAfter(reply).orElse(pause);
            if (wait.compareTo(by.remaining()) >= 0) {
                break;
            }
            by.clock().sleep(wait);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
            reply = session.getReply(monitor.get(), by);
            if (reply.status() == 404 || reply.status() == 410) {
                return;
            }
            if (reply.status() != 202 && !reply.succeeded()) {
                throw session.refused(what + ": its task " + monitor.get(), reply);
            }
            String state = Json.parse(reply.body()).flatMap(b -> Json.text(b, "TaskState")).orElse("Completed");
            if (FAILED.contains(state)) {
                throw new RedfishException(what + ": the BMC's task " + monitor.get() + " ended in " + state + " ("
                        + session.describe(reply) + ")");
            }
            if (reply.status() != 202 && !RUNNING.contains(state)) {
                return;
            }
        }
        throw new RedfishException(what + ": the BMC's task " + monitor.get() + " had not ended by the deadline");
    }
}
