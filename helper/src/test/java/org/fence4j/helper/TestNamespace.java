package org.fence4j.helper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.process.ExecutableSearch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A network namespace standing for pm02, joined to this host by a veth pair with link-local
 * addresses: a random /30 inside 169.254.77.0/24 and fe80::77:N:1/:2. Pinging pm02's addresses
 * reaches only this namespace. {@link #remove()} removes the namespace and both links. Shared with
 * other modules' end-to-end tests through the helper test-jar.
 */
public final class TestNamespace {
    private static final Duration ANNOUNCE_LIMIT = Duration.ofSeconds(5);
    public final String name;
    public final String hostLink;
    public final String peerLink;
    public final String hostIpv4;
    public final String peerIpv4;
    public final String peerIpv6;

    private TestNamespace(String id, int block) {
        name = "f4j-helper-" + id;
        hostLink = "f4jh" + id + "h";
        peerLink = "f4jh" + id + "p";
        hostIpv4 = "169.254.77." + (block * 4 + 1);
        peerIpv4 = "169.254.77." + (block * 4 + 2);
        peerIpv6 = "fe80::77:" + Integer.toHexString(block) + ":2";
    }

    /** Creates it, or skips the test where none can be made (it needs root and iproute2's ip). */
    public static TestNamespace createOrSkip() throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces need root");
        Assumptions.assumeTrue(ExecutableSearch.ofEnvironment().test("ip"), "iproute2's ip is not installed");
        return create();
    }

    /** Creates it; on any failure removes whatever was made. */
    public static TestNamespace create() throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        TestNamespace ns = new TestNamespace(String.format("%06x", random.nextInt(1 << 24)), random.nextInt(64));
        try {
            ns.ip("netns", "add", ns.name);
            ns.ip("link", "add", ns.hostLink, "type", "veth", "peer", "name", ns.peerLink);
            ns.ip("link", "set", ns.peerLink, "netns", ns.name);
            ns.ip("addr", "add", ns.hostIpv4 + "/30", "dev", ns.hostLink);
            ns.ip("-n", ns.name, "link", "set", "lo", "up");
            ns.ip("-n", ns.name, "addr", "add", ns.peerIpv4 + "/30", "dev", ns.peerLink);
            ns.ip("addr", "add", ns.hostIpv6() + "/64", "dev", ns.hostLink, "nodad");
            for (End end : End.values()) {
                ns.reportMulticastGroupsAtOnce(end);
            }
            ns.ip("link", "set", ns.hostLink, "up");
            ns.setPeerLink(true); // both ends come up with it
            ns.requireRouteThroughVeth();
            return ns;
        } catch (IOException | InterruptedException | RuntimeException e) {
            ns.remove();
            throw e;
        }
    }

    /** Up: pm02 answers. Down: pm02 is silent (the host end loses carrier; its route stays on the veth). */
    public void setPeerLink(boolean up) throws IOException, InterruptedException {
        setLink(End.PEER, up);
    }

    /**
     * Up or down (as {@code ip link set}) this host's end of the veth. Seen from inside, down is
     * pm02's link losing its carrier: this host is silent.
     */
    public void setHostLink(boolean up) throws IOException, InterruptedException {
        setLink(End.HOST, up);
    }

    /**
     * Down at once. Up, with the end's IPv6 address (Linux drops it when a link goes down; given
     * before up, it is announced with the link), and only once both ends have announced their
     * IPv6 multicast groups: an announcement cut off by the link going down again is a packet
     * the kernel counts as discarded, which the helper must take for a firewall's.
     */
    private void setLink(End end, boolean up) throws IOException, InterruptedException {
        if (!up) {
            ip(end.ip(this, "link", "set", end.link(this), "down"));
            return;
        }
        ip(end.ip(this, "addr", "replace", end.ipv6(this) + "/64", "dev", end.link(this), "nodad"));
        Map<End, Long> reportsBefore = new EnumMap<>(End.class);
        for (End each : End.values()) {
            if (!operational(each)) {
                reportsBefore.put(each, multicastReports(each));
            }
        }
        ip(end.ip(this, "link", "set", end.link(this), "up"));
        if (administrativelyUp(end.other())) { // else neither end comes up
            awaitAnnounced(reportsBefore);
        }
    }

    /** Each end in {@code reportsBefore} operational and two more reports sent (the kernel's default robustness). */
    private void awaitAnnounced(Map<End, Long> reportsBefore) throws IOException, InterruptedException {
        long limit = System.nanoTime() + ANNOUNCE_LIMIT.toNanos();
        for (Map.Entry<End, Long> end : reportsBefore.entrySet()) {
            while (!operational(end.getKey()) || multicastReports(end.getKey()) < end.getValue() + 2) {
                if (System.nanoTime() - limit > 0) {
                    throw new IOException(end.getKey().link(this) + " did not announce its IPv6 multicast groups"
                            + " within " + ANNOUNCE_LIMIT.toSeconds() + " s of coming up");
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    private boolean administrativelyUp(End end) throws IOException, InterruptedException {
        return (Integer.decode(read(end, "/sys/class/net/" + end.link(this) + "/flags").strip()) & 1) != 0;
    }

    private boolean operational(End end) throws IOException, InterruptedException {
        return read(end, "/sys/class/net/" + end.link(this) + "/operstate").strip().equals("up");
    }

    private long multicastReports(End end) throws IOException, InterruptedException {
        String counts = read(end, "/proc/net/dev_snmp6/" + end.link(this));
        return counts.lines().map(l -> l.split("\\s+")).filter(w -> w[0].equals("Icmp6OutMLDv2Reports"))
                .mapToLong(w -> Long.parseLong(w[1])).findFirst()
                .orElseThrow(() -> new IOException("no Icmp6OutMLDv2Reports for " + end.link(this)));
    }

    /** Reports sent at once rather than spread over a second, so that a link is soon done announcing. */
    private void reportMulticastGroupsAtOnce(End end) throws IOException, InterruptedException {
        for (String version : List.of("mldv1", "mldv2")) {
            String setting = "/proc/sys/net/ipv6/conf/" + end.link(this) + "/" + version
                    + "_unsolicited_report_interval";
            ip(end.inside(this, List.of("sh", "-c", "echo 0 > " + setting)));
        }
    }

    /** A file of an end's network namespace (/proc/net and /sys differ inside). */
    private String read(End end, String file) throws IOException, InterruptedException {
        return ip(end.inside(this, List.of("cat", file)));
    }

    /** The two ends of the veth, and how to reach each one's network namespace. */
    private enum End {
        HOST, PEER;

        End other() {
            return this == HOST ? PEER : HOST;
        }

        String link(TestNamespace ns) {
            return this == HOST ? ns.hostLink : ns.peerLink;
        }

        String ipv6(TestNamespace ns) {
            return this == HOST ? ns.hostIpv6() : ns.peerIpv6;
        }

        /** An ip command for this end's namespace. */
        List<String> ip(TestNamespace ns, String... args) {
            List<String> command = new ArrayList<>(this == HOST ? List.of("ip") : List.of("ip", "-n", ns.name));
            command.addAll(List.of(args));
            return command;
        }

        /** {@code command} run in this end's namespace. */
        List<String> inside(TestNamespace ns, List<String> command) {
            return this == HOST ? command : ns.inside(command);
        }
    }

    /** This host's IPv6 link-local address on the veth. */
    public String hostIpv6() {
        return peerIpv6.replaceFirst(":2$", ":1");
    }

    /**
     * {@code command} run inside the namespace, as on pm02: its only routes are its loopback and the
     * /30 to this host, so nothing it sends can leave the veth.
     */
    public List<String> inside(List<String> command) {
        List<String> inside = new ArrayList<>(List.of("ip", "netns", "exec", name));
        inside.addAll(command);
        return inside;
    }

    /** Runs {@code command} ({@code nft ...}, {@code ip ...}) inside the namespace; fails unless it exits 0. */
    public String runInside(String... command) throws IOException, InterruptedException {
        return ip(inside(List.of(command)));
    }

    /** Refuses to go on unless pm02's IPv4 address is routed into our veth, so no probe leaves the host. */
    private void requireRouteThroughVeth() throws IOException, InterruptedException {
        String route = ip("route", "get", peerIpv4);
        if (!route.contains("dev " + hostLink + " ")) {
            throw new IOException(peerIpv4 + " is not routed through " + hostLink + ": " + route);
        }
    }

    /**
     * Removes the veth pair (deleting one end deletes both; the namespace would also take it, but
     * only asynchronously) and the namespace.
     */
    public void remove() throws IOException, InterruptedException {
        List<String> leftovers = new ArrayList<>();
        run(List.of("ip", "link", "del", hostLink));
        run(List.of("ip", "netns", "del", name));
        if (run(List.of("ip", "netns", "pids", name)).exitCode() == 0) {
            leftovers.add("namespace " + name);
        }
        if (run(List.of("ip", "link", "show", hostLink)).exitCode() == 0) {
            leftovers.add("link " + hostLink);
        }
        if (!leftovers.isEmpty()) {
            throw new IOException("could not remove " + leftovers);
        }
    }

    /**
     * One for a test class, registered with a static {@code @RegisterExtension}: made before its first
     * test (the class is skipped where none can be made), both links set up again after each test,
     * removed after the last.
     */
    public static final class PerClass implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
        private TestNamespace namespace;

        public TestNamespace get() {
            return namespace;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
            namespace = createOrSkip();
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException, InterruptedException {
            if (namespace != null) {
                namespace.setHostLink(true);
                namespace.setPeerLink(true);
            }
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
            if (namespace != null) {
                namespace.remove();
                namespace = null;
            }
        }
    }

    private String ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        return ip(command);
    }

    /** Runs {@code command} (an ip command, or one run through ip netns exec); fails unless it exits 0. */
    private static String ip(List<String> command) throws IOException, InterruptedException {
        CommandRunner.Result result = run(command);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + result.exitCode() + ": " + result.output());
        }
        return result.output();
    }

    private static CommandRunner.Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readNBytes(64 * 1024);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 10 s");
        }
        return new CommandRunner.Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
