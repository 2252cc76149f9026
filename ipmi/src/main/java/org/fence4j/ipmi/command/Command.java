package org.fence4j.ipmi.command;

/** An IPMI command: what to send and how to read a successful answer's data. */
public interface Command<T> {

    int netFn();

    int command();

    byte[] data();

    /** Short name for messages, e.g. "Get Chassis Status". */
    String name();

    /**
     * True if sending it twice does no harm, so a lost answer may be resent. Power cycle and
     * hard reset are not: after a lost answer the caller reads the status instead.
     */
    default boolean resendable() {
        return true;
    }

    /** The answer's data after a completion code of 00. */
    T parse(byte[] data);

    /** What a successful answer said, in words for the protocol's debug log ("power on"). */
    default String words(T result) {
        return "ok";
    }
}
