package org.fence4j.meatware.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.meatware.MeatwareProvider;
import org.fence4j.meatware.rendezvous.Rendezvous;

/**
 * The installed cluster-glue (stonith, meatclient, the meatware plugin) for interop tests. Its
 * FIFO directory /run is compiled in, so the tests use it with node names of their own and
 * remove what they leave there.
 */
final class ClusterGlue {
    static final Path STONITH = Path.of("/usr/sbin/stonith");
    static final Path MEATCLIENT = Path.of("/usr/sbin/meatclient");
    static final Path MEATWARE_PLUGIN = Path.of("/usr/lib/stonith/plugins/stonith2/meatware.so");
    static final Duration LONGEST = Duration.ofSeconds(30);
    /** x86_64 openat: where cluster-glue's plugin blocks until a writer comes. */
    private static final String OPENAT = "257 ";

    private ClusterGlue() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(STONITH) && Files.isExecutable(MEATCLIENT) && Files.exists(MEATWARE_PLUGIN),
                "cluster-glue (stonith, meatclient, meatware plugin) is not installed");
    }

    /** A node name nobody else uses, short enough for the reader thread's name in /proc. */
    static String uniqueNode() {
        byte[] b = new byte[2];
        new SecureRandom().nextBytes(b);
        return "f4j" + HexFormat.of().formatHex(b);
    }

    static FenceAgent fence4jMeatware(String hostlist) throws Exception {
        MeatwareProvider provider = new MeatwareProvider();
        return provider.create(DeclaredParameters.resolve(provider.parameters(),
                List.of(new RawParameter("hostlist", hostlist, Origin.file("it", 1))), DeclaredParameters.Unknown.REJECT,
                k -> null));
    }

    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static int exit(Process p) throws InterruptedException {
        if (!p.waitFor(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(p.info().commandLine().orElse("process") + " did not end within " + LONGEST);
        }
        return p.exitValue();
    }

    /** Waits until process {@code pid} is blocked opening a FIFO (cluster-glue's plugin waiting for a writer). */
    static void awaitBlockedInOpen(long pid) throws InterruptedException {
        long end = System.nanoTime() + LONGEST.toNanos();
        Path syscall = Path.of("/proc/" + pid + "/syscall");
        while (true) {
            try {
                if (Files.readString(syscall).startsWith(OPENAT)) {
                    return;
                }
            } catch (IOException e) {
                throw new AssertionError("process " + pid + " ended before waiting on its FIFO", e);
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("process " + pid + " did not block opening its FIFO within " + LONGEST);
            }
            Thread.sleep(10);
        }
    }

    /** Removes the FIFO and fence4j's lock file of {@code node} in /run. */
    static void cleanUp(String node) throws IOException {
        Files.deleteIfExists(Rendezvous.fifo(Rendezvous.DEFAULT_DIR, node));
        Files.deleteIfExists(Rendezvous.DEFAULT_DIR.resolve(".fence4j-meatware." + node + ".lock"));
    }
}
