package org.fence4j.ipmi.rmcp;

/** Bytes that are not the packet they claim to be; such a datagram is dropped. */
public class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}
