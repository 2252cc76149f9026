package org.fence4j.agents.spi;

/** A connection to a power device (a session with a BMC): the driver of one action, closed after it. */
public interface PowerConnection extends PowerDriver, AutoCloseable {

    /** What monitor reports of a healthy connection, e.g. "cipher suite 17"; empty for nothing more. */
    default String details() {
        return "";
    }

    /** Ends the connection (logs out); never throws. */
    @Override
    void close();
}
