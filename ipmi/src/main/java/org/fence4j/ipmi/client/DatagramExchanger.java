package org.fence4j.ipmi.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.ProtocolSteps;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.session.Exchanger;
import org.fence4j.ipmi.session.Heard;
import org.fence4j.ipmi.session.NoAnswerException;
import org.fence4j.ipmi.session.NothingListensException;
import org.fence4j.ipmi.session.Reply;
import org.fence4j.ipmi.session.RetryPolicy;
import org.fence4j.ipmi.session.RoundTrip;

/**
 * One connected UDP socket to one BMC, driven by the calling thread: an exchange sends, waits
 * for the answer and resends on the adaptive timeout before it returns. The kernel drops
 * datagrams from any other sender (the socket is connected). An interrupt of the waiting thread
 * fails the exchange within {@link #INTERRUPT_CHECK}, the interrupt kept, and leaves the socket
 * open so that the session can still be closed at the BMC (a {@link java.net.DatagramSocket} is
 * not closed by an interrupt, a DatagramChannel would be).
 */
final class DatagramExchanger implements Exchanger {
    /** Larger than any RMCP+ answer: a longer datagram arrives cut short and fails verification. */
    private static final int MOST_BYTES = 1024;
    /** The longest a wait for an answer goes without looking for an interrupt. */
    private static final long INTERRUPT_CHECK = TimeUnit.MILLISECONDS.toNanos(100);

    private final InetSocketAddress bmc;
    private final RoundTrip roundTrip;
    private final DatagramSocket socket;
    private final DatagramPacket received = new DatagramPacket(new byte[MOST_BYTES], MOST_BYTES);
    /** The last send or receive error, e.g. ICMP port unreachable: reported only if no answer comes. */
    private String lastError;
    /** Whether any datagram came on this socket: after one, an ICMP port unreachable is a BMC restarting. */
    private boolean heardAny;

    private DatagramExchanger(InetSocketAddress bmc, RoundTrip roundTrip, DatagramSocket socket) {
        this.bmc = bmc;
        this.roundTrip = roundTrip;
        this.socket = socket;
    }

    /** A socket to {@code bmc} whose retransmission timer learns from and feeds {@code roundTrip}. */
    static DatagramExchanger connect(InetSocketAddress bmc, RoundTrip roundTrip) {
        DatagramSocket socket = null;
        try {
            socket = new DatagramSocket();
            // connected: the kernel picks the local address that reaches the BMC (loopback for a
            // loopback BMC) and drops datagrams from any other sender
            socket.connect(bmc);
            return new DatagramExchanger(bmc, roundTrip, socket);
        } catch (IOException e) {
            if (socket != null) {
                socket.close();
            }
            throw new IpmiException("cannot open a UDP socket to " + bmc.getHostString() + ":" + bmc.getPort() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Tries until an answer is accepted, the tries run out, the deadline passes or a refusal has
     * had the BMC's {@link RetryPolicy#patience()} to be contradicted; each try waits its
     * retransmission timeout for an answer. The first refusal is answered by a resend at once:
     * it may be a spoiled answer, and a fresh one may not be.
     */
    @Override
    public <T> T exchange(String what, IntFunction<byte[]> datagramForTry, Function<byte[], Reply<T>> judge,
            RetryPolicy retry, Deadline deadline) {
        if (socket.isClosed()) {
            throw new IpmiException(what + ": the session is closed");
        }
        Heard<T> heard = new Heard<>();
        long[] sentAt = new long[Math.min(retry.tries(), 8)];
        int tries = 0;
        long answerBy = 0;
        boolean refusalTimed = false;
        long refusalStands = 0;
        boolean sendAgain = true;
        while (true) {
            if (sendAgain) {
                if (tries >= retry.tries() || deadline.expired()) {
                    return heard.outcome(noAnswer(what, tries, deadline));
                }
                if (tries == sentAt.length) {
                    sentAt = Arrays.copyOf(sentAt, 2 * tries);
                }
                sentAt[tries++] = System.nanoTime();
                if (tries > 1) {
                    ProtocolSteps.say("ipmi", "{}: sent again (try {})", what, tries);
                }
                write(datagramForTry.apply(tries), what);
                answerBy = sentAt[tries - 1] + waitFor(retry.waitAfter(tries, roundTrip.timeout()), deadline);
                if (!refusalTimed && heard.refusal() != null) {
                    // it stands once the BMC has had its patience to answer this try authentically
                    refusalTimed = true;
                    refusalStands = sentAt[tries - 1] + retry.patience().toNanos();
                }
                sendAgain = false;
            }
            boolean refusalWaits = refusalTimed && heard.onlyRefused();
            byte[] datagram = receive(refusalWaits ? Math.min(answerBy, refusalStands) : answerBy, what);
            if (datagram == null) {
                if (refusalWaits && System.nanoTime() - refusalStands >= 0) {
                    ProtocolSteps.say("ipmi", "{}: nothing authentic came within {} of the resend: the refusal stands",
                            what, DurationText.of(retry.patience()));
                    throw heard.refusal();
                }
                sendAgain = true;
                continue;
            }
            Reply<T> reply = judge.apply(datagram);
            if (reply instanceof Reply.Accepted<T> a) {
                sample(a.forTry(), tries, sentAt);
                return a.value();
            }
            if (reply instanceof Reply.Superseded<T> s) {
                sample(s.forTry(), tries, sentAt);
                heard.superseded(s.value(), s.forTry());
                // the latest try's answer is due a round trip, as now measured, after it was sent
                answerBy = Math.max(answerBy, sentAt[tries - 1] + waitFor(retry.waitAfter(1, roundTrip.timeout()),
                        deadline));
            } else if (reply instanceof Reply.Refused<T> r) {
                ProtocolSteps.say("ipmi", "{} -> {} (not authenticated: a hint until nothing authentic comes)", what,
                        r.failure().getMessage());
                // only the first: were each answered at once, a forger's datagrams would use up the tries
                sendAgain = heard.refusal() == null;
                heard.refused(r.failure());
            }
        }
    }

    /** {@code wait} within the deadline, in nanoseconds, at least 1. */
    private static long waitFor(Duration wait, Deadline deadline) {
        return Math.max(1, deadline.remainingAtMost(wait).toNanos());
    }

    /**
     * Measures the round trip of an answer to try {@code forTry} (0: it does not say which try it
     * answers, which only a single send makes sure of: Karn's rule).
     */
    private void sample(int forTry, int tries, long[] sentAt) {
        int answered = forTry > 0 ? (forTry <= tries ? forTry : 0) : (tries == 1 ? 1 : 0);
        if (answered > 0) {
            roundTrip.sample(System.nanoTime() - sentAt[answered - 1]);
        }
    }

    private NoAnswerException noAnswer(String what, int tries, Deadline deadline) {
        ProtocolSteps.say("ipmi", "{} -> no answer after {} {}{}", what, tries, tries == 1 ? "try" : "tries",
                deadline.expired() ? " (deadline reached)" : "");
        return new NoAnswerException("no answer to " + what + " from the BMC at " + bmc.getHostString() + ":"
                + bmc.getPort() + " after " + tries + (tries == 1 ? " try" : " tries")
                + (deadline.expired() ? " (deadline reached)" : "")
                + (lastError == null ? "" : "; last network error: " + lastError));
    }

    /**
     * Sends one try; a send error (ICMP of an earlier send too: the BMC may be restarting) does not
     * end the tries, unless it says nothing listens on a path that never heard the BMC.
     */
    private void write(byte[] datagram, String what) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length));
        } catch (IOException e) {
            failed(e, what);
        }
        if (socket.isClosed()) {
            throw new IpmiException(what + ": the session is closed");
        }
    }

    /**
     * Keeps {@code e} for the message of a later "no answer". An ICMP port unreachable on a path
     * that never heard the BMC ends the exchange: nothing listens there now. {@link IpmiClient}
     * decides from fresh attempts whether that is the answer; it only ends a failure sooner.
     */
    private void failed(IOException e, String what) {
        lastError = describe(e);
        if (e instanceof java.net.PortUnreachableException && !heardAny) {
            ProtocolSteps.say("ipmi", "{} -> {}", what, lastError);
            throw new NothingListensException(what + ": " + lastError);
        }
    }

    /** The next datagram to arrive by {@code answerBy} (System.nanoTime), or null when none did. */
    private byte[] receive(long answerBy, String what) {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IpmiException(what + ": interrupted");
            }
            long left = answerBy - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, INTERRUPT_CHECK))));
                received.setLength(MOST_BYTES);
                socket.receive(received);
                heardAny = true;
                return Arrays.copyOf(received.getData(), received.getLength());
            } catch (SocketTimeoutException e) {
                // the wait goes on until answerBy
            } catch (IOException e) {
                if (socket.isClosed()) {
                    throw new IpmiException(what + ": the session is closed");
                }
                // after an answer, ICMP port unreachable is not one: the BMC may be restarting; wait out this try
                failed(e, what);
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.PortUnreachableException) {
            return "port unreachable (ICMP: nothing listens on that UDP port)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Sends without waiting for an answer; an error is kept for the message of a later "no answer". */
    @Override
    public void send(byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length));
        } catch (IOException e) {
            lastError = describe(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
