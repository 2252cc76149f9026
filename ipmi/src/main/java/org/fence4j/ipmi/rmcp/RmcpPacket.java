package org.fence4j.ipmi.rmcp;

/** What one RMCP/IPMI datagram carries after the 4-byte RMCP header. */
public sealed interface RmcpPacket permits Ipmi15Packet, SessionPacket {
}
