package org.fence4j.bin;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fence4j.agents.testing.SyslogSocket;

/**
 * What a test of the real fencer starts once: a {@link StandaloneFencer} on a {@link LoopbackCorosync},
 * with a {@link SyslogSocket} of its own where the agents' syslog lines arrive (FENCE4J_SYSLOG_SOCKET).
 */
final class FencerOnCorosync implements AutoCloseable {
    final SyslogSocket syslog;
    final StandaloneFencer fencer;
    private final LoopbackCorosync corosync;

    private FencerOnCorosync(LoopbackCorosync corosync, SyslogSocket syslog, StandaloneFencer fencer) {
        this.corosync = corosync;
        this.syslog = syslog;
        this.fencer = fencer;
    }

    /** Skips the test unless this machine can run them: root, pacemaker, corosync, the distribution. */
    static void assumeAvailable() {
        Dist.assumeBuilt();
        StandaloneFencer.assumeAvailable();
        LoopbackCorosync.assumeAvailable();
    }

    /**
     * Starts them in {@code dir}; the fencer's log is kept in target/{@code logName} after the run,
     * for what went wrong, and its agents get {@code environment} too.
     */
    static FencerOnCorosync start(Path dir, String logName, Map<String, String> environment) {
        LoopbackCorosync corosync = LoopbackCorosync.start(dir);
        SyslogSocket syslog = null;
        try {
            syslog = new SyslogSocket(dir.resolve("syslog.sock"));
            Map<String, String> env = new HashMap<>(environment);
            env.put("FENCE4J_SYSLOG_SOCKET", syslog.path.toString());
            return new FencerOnCorosync(corosync, syslog,
                    StandaloneFencer.start(Path.of("target", logName).toAbsolutePath(), env));
        } catch (RuntimeException | Error e) {
            if (syslog != null) {
                syslog.close();
            }
            corosync.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            fencer.close();
        } finally {
            syslog.close();
            corosync.close();
        }
    }
}
