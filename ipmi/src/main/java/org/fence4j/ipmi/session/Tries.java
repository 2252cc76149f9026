package org.fence4j.ipmi.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The sends of one handshake step, each with a tag of its own that the BMC's answer repeats (and
 * for RAKP 1 a console random of its own, which the BMC's proof covers): an answer says which
 * send it answers, so that its round trip is measured after a resend too, and an answer to a send
 * that a later one superseded is known as such.
 */
final class Tries {
    /** What one try sent: its tag, and for RAKP 1 its console random. */
    record Sent(int tag, byte[] rm) {
    }

    private final List<Sent> sent = new ArrayList<>();

    /** Records the next try; tries are numbered from 1 in the order they are sent. */
    Sent add(int tag, byte[] rm) {
        Sent s = new Sent(tag, rm);
        sent.add(s);
        return s;
    }

    int latest() {
        return sent.size();
    }

    /** The number of the latest try that sent {@code tag}, or 0 if none did. */
    int numberOf(int tag) {
        for (int n = sent.size(); n > 0; n--) {
            if (sent.get(n - 1).tag() == tag) {
                return n;
            }
        }
        return 0;
    }

    Sent get(int number) {
        return sent.get(number - 1);
    }
}
