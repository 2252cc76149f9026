package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;

/** One liveness probe of one address, as upstream's single {@code ping -c1 -w1}. */
@FunctionalInterface
interface Probe {

    /**
     * @param limit the longest this call may take; a probe still running then counts as silent
     * @return true if the address answered
     * @throws IOException the address could not be probed at all (no ping, bad interface): unknown
     */
    boolean answers(ProbeAddress address, Duration limit) throws IOException, InterruptedException;
}
