package org.fence4j.ipmi.rmcp;

/** An IPMI response message; {@code netFn} is the request's (even) netFn. */
public record IpmiResponse(int netFn, int command, int rqSeq, int completionCode, byte[] data) {

    /** True if this answers {@code request} (netFn, command and the 6-bit sequence match). */
    public boolean answers(IpmiRequest request) {
        return netFn == request.netFn() && command == request.command() && rqSeq == request.rqSeq();
    }
}
