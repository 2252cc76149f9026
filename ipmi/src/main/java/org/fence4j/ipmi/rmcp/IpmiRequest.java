package org.fence4j.ipmi.rmcp;

/** An IPMI request message from the remote console (0x81) to the BMC (0x20). */
public record IpmiRequest(int netFn, int command, int rqSeq, byte[] data) {
}
