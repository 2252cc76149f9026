package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** One liveness probe of one address, as upstream's single {@code ping -c1 -w1}. */
interface Probe {

    /**
     * @param limit the longest this call may take
     * @return true if the address answered, false if it stayed silent for the whole try
     * @throws IOException the address could not be probed (no ping, bad interface) or the try did
     *                     not end within {@code limit}: nothing is known
     */
    boolean answers(ProbeAddress address, Duration limit) throws IOException, InterruptedException;

    /**
     * Why this host could not hear {@code address} now, asked without sending anything: no route
     * to it, the interface given is missing or down, it is a broadcast address of this host's
     * networks. Then its silence proves nothing.
     *
     * @return empty if an answer could come
     */
    Optional<String> whyCannotReach(ProbeAddress address);
}
