package org.fence4j.agents.cli;

import java.time.Instant;
import java.util.Map;

/**
 * One fencing action in Pacemaker's fencing history ({@code stonith_admin --history}): who fenced whom, from
 * which node, and how it ended. Pacemaker keeps no device in it: the device is known only from this node's
 * records ({@link FencingEvent}).
 *
 * @param action     reboot, off or on
 * @param status     success, failed or pending
 * @param exitReason why it failed, or null
 * @param client     the program that asked, e.g. pacemaker-controld.1234 or stonith_admin.4711
 * @param origin     the node it was asked on
 * @param delegate   the node that ran the device, or null (pending, not yet chosen)
 * @param completed  when it ended, or null while pending
 */
record ClusterEvent(String target, String action, String status, String exitReason, String client, String origin,
        String delegate, Instant completed) {

    static final String SUCCESS = "success";
    static final String FAILED = "failed";
    static final String PENDING = "pending";

    /** For --json: its attributes in snake_case, the time with the offset. */
    Map<String, Object> document(TimeText times) {
        return OrderedJson.object("action", action, "status", status, "exit_reason", exitReason, "client", client,
                "origin", origin, "delegate", delegate, "completed", completed == null ? null : times.json(completed));
    }
}
