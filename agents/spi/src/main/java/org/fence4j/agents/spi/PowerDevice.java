package org.fence4j.agents.spi;

/** One configured power device, such as the BMC of one node. */
public interface PowerDevice {

    /** How messages name it: "the BMC at 10.1.1.2:623". */
    String describe();

    /** Its address ("10.1.1.2"): how messages name the node when neither the caller nor hostname does. */
    String address();

    /**
     * Connects (logs in) by {@code deadline}, for one action. A device that cannot be reached or
     * refuses the login throws an unchecked exception whose message says why, without naming the
     * device again. Interrupts end it promptly with {@link InterruptedException}.
     */
    PowerConnection connect(Deadline deadline) throws InterruptedException;
}
