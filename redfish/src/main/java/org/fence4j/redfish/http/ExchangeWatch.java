package org.fence4j.redfish.http;

import java.net.HttpURLConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fence4j.agents.spi.Deadline;

/**
 * Closes the connection of an exchange whose thread is interrupted (how the core cancels a call) or
 * whose deadline has passed. {@link HttpURLConnection}'s timeouts bound each wait, not the exchange:
 * a TLS handshake or headers that trickle in a byte at a time restart the read timeout with every
 * byte, and a blocked read does not notice an interrupt. One daemon thread looks every
 * {@link #PERIOD_MILLIS} ms while exchanges are in flight, and ends when none is.
 */
final class ExchangeWatch {
    static final long PERIOD_MILLIS = 50;
    private static final Map<Thread, Watched> WATCHED = new ConcurrentHashMap<>();
    private static Thread watcher;

    private record Watched(HttpURLConnection connection, Deadline by) {
    }

    private ExchangeWatch() {
    }

    /** Watches the calling thread while it exchanges over {@code connection}, until {@link #unwatch()}. */
    static void watch(HttpURLConnection connection, Deadline by) {
        WATCHED.put(Thread.currentThread(), new Watched(connection, by));
        synchronized (ExchangeWatch.class) {
            if (watcher == null) {
                watcher = new Thread(ExchangeWatch::run, "fence4j-redfish-exchanges");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
    }

    static void unwatch() {
        WATCHED.remove(Thread.currentThread());
    }

    /** Until nothing is watched: each exchange ends by its deadline, so this loop does too. */
    private static void run() {
        while (true) {
            synchronized (ExchangeWatch.class) {
                if (WATCHED.isEmpty()) {
                    watcher = null;
                    return;
                }
            }
            WATCHED.forEach((thread, watched) -> {
                if ((thread.isInterrupted() || watched.by().expired()) && WATCHED.remove(thread, watched)) {
                    // the blocked connect, read or write fails at once; the exchange then says why
                    watched.connection().disconnect();
                }
            });
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                synchronized (ExchangeWatch.class) {
                    watcher = null;
                }
                return;
            }
        }
    }
}
