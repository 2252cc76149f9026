package org.fence4j.redfish.http;

import java.net.HttpURLConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes the connection of an exchange whose thread is interrupted (how the core cancels a call):
 * a socket read blocked in {@link HttpURLConnection} does not notice an interrupt by itself, and
 * would go on until its timeout. One daemon thread looks every {@link #PERIOD_MILLIS} ms while
 * exchanges are in flight, and ends when none is.
 */
final class InterruptWatch {
    static final long PERIOD_MILLIS = 50;
    private static final Map<Thread, HttpURLConnection> WATCHED = new ConcurrentHashMap<>();
    private static Thread watcher;

    private InterruptWatch() {
    }

    /** Watches the calling thread while it exchanges over {@code connection}, until {@link #unwatch()}. */
    static void watch(HttpURLConnection connection) {
        WATCHED.put(Thread.currentThread(), connection);
        synchronized (InterruptWatch.class) {
            if (watcher == null) {
                watcher = new Thread(InterruptWatch::run, "fence4j-redfish-interrupts");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
    }

    static void unwatch() {
        WATCHED.remove(Thread.currentThread());
    }

    /** Until nothing is watched: each exchange is bounded by its deadline, so this loop is too. */
    private static void run() {
        while (true) {
            synchronized (InterruptWatch.class) {
                if (WATCHED.isEmpty()) {
                    watcher = null;
                    return;
                }
            }
            WATCHED.forEach((thread, connection) -> {
                if (thread.isInterrupted() && WATCHED.remove(thread, connection)) {
                    // the blocked read or write fails at once; the exchange then says it was interrupted
                    connection.disconnect();
                }
            });
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                synchronized (InterruptWatch.class) {
                    watcher = null;
                }
                return;
            }
        }
    }
}
