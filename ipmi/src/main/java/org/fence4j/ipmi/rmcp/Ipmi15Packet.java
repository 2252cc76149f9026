package org.fence4j.ipmi.rmcp;

/**
 * An IPMI 1.5 session packet with authentication type none: only used before a session
 * (Get Channel Authentication Capabilities).
 */
public record Ipmi15Packet(int sequence, int sessionId, byte[] message) implements RmcpPacket {
}
