package org.fence4j.helper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace standing for pm02, joined to this host by a veth pair with link-local
 * addresses: a random /30 inside 169.254.77.0/24 and fe80::77:N:1/:2. Pinging pm02's addresses
 * reaches only this namespace. {@link #remove()} removes the namespace and both links. Shared with
 * other modules' end-to-end tests through the helper test-jar.
 */
public final class TestNamespace {
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

    /** Creates it; on any failure removes whatever was made. */
    public static TestNamespace create() throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        TestNamespace ns = new TestNamespace(String.format("%06x", random.nextInt(1 << 24)), random.nextInt(64));
        try {
            ns.ip("netns", "add", ns.name);
            ns.ip("link", "add", ns.hostLink, "type", "veth", "peer", "name", ns.peerLink);
            ns.ip("link", "set", ns.peerLink, "netns", ns.name);
            ns.ip("addr", "add", ns.hostIpv4 + "/30", "dev", ns.hostLink);
            ns.ip("addr", "add", ns.peerIpv6.replaceFirst(":2$", ":1") + "/64", "dev", ns.hostLink, "nodad");
            ns.ip("link", "set", ns.hostLink, "up");
            ns.ip("-n", ns.name, "link", "set", "lo", "up");
            ns.ip("-n", ns.name, "addr", "add", ns.peerIpv4 + "/30", "dev", ns.peerLink);
            ns.setPeerLink(true);
            ns.requireRouteThroughVeth();
            return ns;
        } catch (IOException | InterruptedException | RuntimeException e) {
            ns.remove();
            throw e;
        }
    }

    /** Up: pm02 answers. Down: pm02 is silent (the host end loses carrier; its route stays on the veth). */
    public void setPeerLink(boolean up) throws IOException, InterruptedException {
        ip("-n", name, "link", "set", peerLink, up ? "up" : "down");
        if (up) {
            // Linux drops a link's IPv6 addresses when it goes down
            ip("-n", name, "addr", "replace", peerIpv6 + "/64", "dev", peerLink, "nodad");
        }
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

    private String ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
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
