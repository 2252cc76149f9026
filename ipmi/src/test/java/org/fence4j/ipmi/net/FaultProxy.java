package org.fence4j.ipmi.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP proxy on loopback that spoils datagrams between IPMI consoles and a BMC: it drops,
 * duplicates and delays (0 to {@code reorderMillis}, which reorders them) datagrams in both
 * directions, and corrupts the BMC's replies (bit flips, truncation, junk, lying header fields).
 * Seeded, so a run can be repeated; bounded in lifetime and datagram count. JDK only, so that a
 * script can run it as a single source file: {@code java FaultProxy.java --listen P --target P ...}.
 */
public final class FaultProxy implements AutoCloseable {
    /** What is done to datagrams; loss, duplicates and delay apply both ways, corruption to replies only. */
    public record Faults(double loss, double duplicates, int reorderMillis, double corruptReplies) {
    }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int MOST_CONSOLES = 256;

    private final DatagramChannel front;
    private final InetSocketAddress bmc;
    private final Faults faults;
    private final Random random;
    private final long endNanos;
    private final long mostDatagrams;
    private final Selector selector;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-proxy-send");
        t.setDaemon(true);
        return t;
    });
    /** One upstream socket per console, so that replies find their way back; oldest closed first. */
    private final Map<SocketAddress, DatagramChannel> upstream = new LinkedHashMap<>();
    private final Thread loop;
    final AtomicLong forwarded = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong corrupted = new AtomicLong();
    private volatile boolean closed;

    private FaultProxy(int listenPort, int bmcPort, Faults faults, long seed, Duration lifetime, long mostDatagrams)
            throws IOException {
        this.bmc = new InetSocketAddress(LOOPBACK, bmcPort);
        this.faults = faults;
        this.random = new Random(seed);
        this.endNanos = System.nanoTime() + lifetime.toNanos();
        this.mostDatagrams = mostDatagrams;
        this.selector = Selector.open();
        this.front = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, listenPort));
        front.configureBlocking(false).register(selector, SelectionKey.OP_READ);
        this.loop = new Thread(this::run, "fault-proxy");
        loop.setDaemon(true);
    }

    /** Starts a proxy from 127.0.0.1:{@code listenPort} to 127.0.0.1:{@code bmcPort}. */
    public static FaultProxy start(int listenPort, int bmcPort, Faults faults, long seed, Duration lifetime,
            long mostDatagrams) throws IOException {
        FaultProxy p = new FaultProxy(listenPort, bmcPort, faults, seed, lifetime, mostDatagrams);
        p.loop.start();
        return p;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        try {
            while (!closed && System.nanoTime() < endNanos && forwarded.get() + dropped.get() < mostDatagrams) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel ch = (DatagramChannel) key.channel();
                    buffer.clear();
                    SocketAddress from = ch.receive(buffer);
                    if (from == null) {
                        continue;
                    }
                    byte[] datagram = Arrays.copyOf(buffer.array(), buffer.position());
                    if (ch == front) {
                        pass(datagram, false, consoleChannel(from), bmc);
                    } else {
                        pass(datagram, true, front, (SocketAddress) key.attachment());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {   // else close() ended the loop, as asked
                System.err.println("fault-proxy: " + e);
            }
        } finally {
            close();
        }
    }

    private DatagramChannel consoleChannel(SocketAddress console) throws IOException {
        DatagramChannel ch = upstream.get(console);
        if (ch == null) {
            if (upstream.size() >= MOST_CONSOLES) {
                var oldest = upstream.entrySet().iterator();
                oldest.next().getValue().close();
                oldest.remove();
            }
            ch = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0)).connect(bmc);
            ch.configureBlocking(false).register(selector, SelectionKey.OP_READ, console);
            upstream.put(console, ch);
        }
        return ch;
    }

    /** Drops, duplicates, corrupts (replies) and delays one datagram; everything random is drawn here, on one thread. */
    private void pass(byte[] datagram, boolean reply, DatagramChannel out, SocketAddress to) {
        if (chance(faults.loss())) {
            dropped.incrementAndGet();
            return;
        }
        int copies = chance(faults.duplicates()) ? 2 : 1;
        if (copies == 2) {
            duplicated.incrementAndGet();
        }
        for (int i = 0; i < copies; i++) {
            byte[] d = reply && chance(faults.corruptReplies()) ? corrupt(datagram) : datagram;
            int delay = faults.reorderMillis() > 0 ? random.nextInt(faults.reorderMillis() + 1) : 0;
            forwarded.incrementAndGet();
            Runnable send = () -> {
                try {
                    if (out == front) {
                        out.send(ByteBuffer.wrap(d), to);
                    } else {
                        out.write(ByteBuffer.wrap(d));
                    }
                } catch (IOException e) {
                    // the console or BMC is gone (port unreachable): a network drops such datagrams too
                }
            };
            if (delay == 0) {
                send.run();
            } else if (!later.isShutdown()) {
                later.schedule(send, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Header fields of an RMCP+ datagram worth lying about: payload type, session id, sequence, length, status. */
    private static final int[] FIELDS = {4, 5, 6, 9, 10, 13, 14, 16, 17, 20, 24};

    private byte[] corrupt(byte[] d) {
        corrupted.incrementAndGet();
        byte[] c = d.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 1 + random.nextInt(3); i > 0 && c.length > 0; i--) {
                    c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> c = Arrays.copyOf(c, c.length == 0 ? 0 : random.nextInt(c.length));
            case 2 -> {
                c = new byte[random.nextInt(d.length + 17)];
                random.nextBytes(c);
            }
            default -> {
                int field = FIELDS[random.nextInt(FIELDS.length)];
                if (field < c.length) {
                    c[field] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (c[field] + 1);
                }
            }
        }
        return c;
    }

    private boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    public String counts() {
        return "forwarded " + forwarded + ", dropped " + dropped + ", duplicated " + duplicated + ", corrupted " + corrupted;
    }

    @Override
    public void close() {
        closed = true;
        later.shutdownNow();
        try {
            selector.close();
            front.close();
            for (DatagramChannel ch : upstream.values()) {
                ch.close();
            }
        } catch (IOException e) {
            // closing: nothing left to tell
        }
    }

    /** {@code --listen P --target P [--seed N] [--loss R] [--dup R] [--reorder-ms N] [--corrupt R] --seconds N [--max N]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--listen") || !a.containsKey("--target") || !a.containsKey("--seconds")) {
            System.err.println("usage: FaultProxy --listen PORT --target PORT --seconds N [--seed N] [--loss R] [--dup R]"
                    + " [--reorder-ms N] [--corrupt R] [--max DATAGRAMS]   (127.0.0.1 only)");
            System.exit(2);
        }
        Faults f = new Faults(Double.parseDouble(a.getOrDefault("--loss", "0")), Double.parseDouble(a.getOrDefault("--dup", "0")),
                Integer.parseInt(a.getOrDefault("--reorder-ms", "0")), Double.parseDouble(a.getOrDefault("--corrupt", "0")));
        FaultProxy p = start(Integer.parseInt(a.get("--listen")), Integer.parseInt(a.get("--target")), f,
                Long.parseLong(a.getOrDefault("--seed", "1")), Duration.ofSeconds(Long.parseLong(a.get("--seconds"))),
                Long.parseLong(a.getOrDefault("--max", "10000000")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("fault-proxy: " + p.counts())));
        p.loop.join();
    }
}
