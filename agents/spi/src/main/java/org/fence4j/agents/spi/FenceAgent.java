package org.fence4j.agents.spi;

import java.util.List;

/** One configured fencing device. Created by its provider; closed by whoever created it. */
public interface FenceAgent extends AutoCloseable {

    /**
     * Carries out one action. Must return by the deadline, must stop promptly when interrupted,
     * and must report SUCCESS for OFF/RESET only when the target is confirmed fenced.
     *
     * @param target the node to act on; null for MONITOR and LIST
     */
    FenceResult execute(FenceAction action, String target, Deadline deadline)
            throws InterruptedException;

    /** The nodes this device can fence (cluster-glue gethosts, fence-agents list). */
    List<String> targets();

    /**
     * What validate-all finds wrong beyond the parameters its provider checked in create: nothing
     * for a device; the whole chain reads every level's secrets here (a request reads only those
     * of the devices it uses).
     */
    default List<String> problems(Deadline deadline) {
        return List.of();
    }

    @Override
    default void close() {
    }
}
