package org.fence4j.bin;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fence4j.agents.testing.SyslogSocket;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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

    /**
     * One for a test class, registered with a static {@code @RegisterExtension}: started before its
     * first test in the class's static {@code @TempDir} (the class is skipped when this machine cannot
     * run it), stopped after its last.
     */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private final Supplier<Path> dir;
        private final String logName;
        private final Function<Path, Map<String, String>> environment;
        private FencerOnCorosync live;

        /**
         * {@code dir}: the class's static @TempDir, filled in by JUnit before this starts; {@code
         * environment}: the agents' environment, given that directory.
         */
        PerClass(Supplier<Path> dir, String logName, Function<Path, Map<String, String>> environment) {
            this.dir = dir;
            this.logName = logName;
            this.environment = environment;
        }

        StandaloneFencer fencer() {
            return live.fencer;
        }

        SyslogSocket syslog() {
            return live.syslog;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            assumeAvailable();
            live = start(dir.get(), logName, environment.apply(dir.get()));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (live != null) {
                live.close();
                live = null;
            }
        }
    }
}
