package org.fence4j.redfish.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.fence4j.agents.spi.Deadline;

/**
 * A BMC's host name looked up within the exchange's deadline. The JDK's resolver waits as long as
 * the system's does (seconds per DNS server, try and search domain) and nothing interrupts it, so
 * the lookup runs on a thread of its own and the exchange stops waiting at its deadline. A name
 * found is in the JDK's address cache when the connection looks it up again.
 */
final class NameLookup {
    /** The lookup itself: the JDK's, or a test's. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver SYSTEM = InetAddress::getAllByName;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private NameLookup() {
    }

    /** Four decimal octets of at most 255: what the JDK takes without a lookup (999.1.1.1 it looks up). */
    private static boolean ipv4Literal(String host) {
        if (!IPV4.matcher(host).matches()) {
            return false;
        }
        for (String octet : host.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Returns once {@code host} has an address (at once for a literal); throws when it has none by {@code by}. */
    static void resolve(String host, Resolver resolver, Deadline by) throws NotSentException, InterruptedException {
        if (host.indexOf(':') >= 0 || ipv4Literal(host)) {
            return;
        }
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> resolver.resolve(host));
        Thread thread = new Thread(lookup, "fence4j-redfish-lookup");
        thread.setDaemon(true);
        thread.start();
        try {
            lookup.get(Math.max(0, by.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the thread is left to the resolver's own timeout; a daemon, it holds nothing up
            throw new NotSentException("no address for " + host + " in time: the name lookup (DNS) did not answer", e);
        } catch (ExecutionException e) {
            throw new NotSentException(e.getCause() instanceof UnknownHostException
                    ? "no address for " + host + ": the name is unknown (DNS, /etc/hosts)"
                    : "no address for " + host + ": " + e.getCause(), e.getCause());
        }
    }
}
