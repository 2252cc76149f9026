package org.fence4j.bin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;

/**
 * A one-node corosync on 127.0.0.1 (knet on UDP {@link #PORT}), with a configuration of the test's
 * own: what pacemaker-fenced needs to run fencing topologies, which it handles only among peers
 * (stand-alone {@code -s} fences with any capable device, levels ignored). Removes the ring id file
 * corosync leaves in /var/lib/corosync when it was not there before.
 */
final class LoopbackCorosync implements AutoCloseable {
    static final Path COROSYNC = Path.of("/usr/sbin/corosync");
    static final int PORT = 10650;
    static final String NODE = "fence4j-it-node";
    private static final Path RING_ID = Path.of("/var/lib/corosync/ringid_1");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final ChildProcess.Running corosync;
    private final boolean ringIdExisted;

    private LoopbackCorosync(ChildProcess.Running corosync, boolean ringIdExisted) {
        this.corosync = corosync;
        this.ringIdExisted = ringIdExisted;
    }

    static void assumeAvailable() {
        assumeTrue(Files.isExecutable(COROSYNC), "corosync is not installed");
        assumeTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().command()
                .filter(c -> c.endsWith("/corosync")).isPresent()), "a corosync runs already on this machine");
    }

    static LoopbackCorosync start(Path dir) {
        Path config = dir.resolve("corosync.conf");
        try {
            Files.writeString(config, """
                    totem {
                        version: 2
                        cluster_name: fence4j-it
                        transport: knet
                        crypto_cipher: none
                        crypto_hash: none
                        interface {
                            linknumber: 0
                            mcastport: %d
                        }
                    }
                    nodelist {
                        node {
                            ring0_addr: 127.0.0.1
                            name: %s
                            nodeid: 1
                        }
                    }
                    quorum {
                        provider: corosync_votequorum
                    }
                    logging {
                        to_stderr: yes
                        to_logfile: no
                        to_syslog: no
                    }
                    """.formatted(PORT, NODE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean ringIdExisted = Files.exists(RING_ID);
        ChildProcess.Running running = ChildProcess.start(List.of(COROSYNC.toString(), "-f", "-c", config.toString()),
                Map.of(), "");
        LoopbackCorosync corosync = new LoopbackCorosync(running, ringIdExisted);
        try {
            running.awaitError("ready to provide service", START_LIMIT);
            return corosync;
        } catch (RuntimeException | Error e) {
            corosync.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            corosync.signal("TERM");
            corosync.await(Duration.ofSeconds(30));
        } finally {
            try {
                if (!ringIdExisted) {
                    Files.deleteIfExists(RING_ID);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + RING_ID + " left by the test's corosync", e);
            }
        }
    }
}
