package org.fence4j.ipmi.sim;

import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.SessionCrypto;

/** The BMC's side of one session, from Open Session to Close Session. Event loop only. */
final class ServerSession {
    final int bmcSessionId;
    final int consoleSessionId;
    final CipherSuite suite;
    final int openTag;
    byte[] rm;
    byte[] rc;
    int role;
    SimUser user;
    byte[] rakp2;
    byte[] rakp4;
    SessionCrypto crypto;
    Privilege privilege = Privilege.USER;

    ServerSession(int bmcSessionId, int consoleSessionId, CipherSuite suite, int openTag) {
        this.bmcSessionId = bmcSessionId;
        this.consoleSessionId = consoleSessionId;
        this.suite = suite;
        this.openTag = openTag;
    }

    boolean active() {
        return crypto != null;
    }
}
