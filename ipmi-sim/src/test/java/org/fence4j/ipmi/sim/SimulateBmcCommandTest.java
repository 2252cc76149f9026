package org.fence4j.ipmi.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.Secret;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.ipmi.client.IpmiClient;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateBmcCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        return new CommandLine(new SimulateBmcCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }

    @Test
    void refusesAnAddressThatIsNotLoopback(@TempDir Path dir) throws Exception {
        Path pw = SecretFiles.write(dir.resolve("pw"), "secret\n");
        int rc = cli().execute("--address", "192.0.2.1", "--port", "9740", "--password-file", pw.toString());
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("--address 192.0.2.1 is not a loopback address");
    }

    @Test
    void refusesToRunWithoutAPasswordSource() {
        assertThat(cli().execute("--port", "9741")).isEqualTo(2);
        assertThat(err.toString()).contains("never on the command line");
    }

    @Test
    void printsOneLineWhenReadyAndServesUntilStopped(@TempDir Path dir) throws Exception {
        Path pw = SecretFiles.write(dir.resolve("pw"), "secret\n");
        Thread runner = started("--port", "9742", "--password-file", pw.toString(), "--power", "off", "--ciphers", "3,17");
        try {
            assertThat(out.toString()).isEqualTo("simulated BMC listening on 127.0.0.1:9742 (user admin, cipher suites"
                    + " 3,17, power off); Ctrl-C stops it" + System.lineSeparator());
            assertThat(powerOn(9742)).isFalse();
        } finally {
            stop(runner);
        }
    }

    @Test
    void countServesThatManyBmcsOnConsecutivePorts(@TempDir Path dir) throws Exception {
        Path pw = SecretFiles.write(dir.resolve("pw"), "secret\n");
        Thread runner = started("--port", "10760", "--count", "3", "--password-file", pw.toString(), "--ciphers", "3");
        try {
            assertThat(out.toString()).isEqualTo("simulated BMCs listening on 127.0.0.1:10760-10762 (user admin, cipher"
                    + " suites 3, power on); Ctrl-C stops them" + System.lineSeparator());
            assertThat(powerOn(10762)).isTrue();
        } finally {
            stop(runner);
        }
    }

    /** simulate-bmc on its own thread, once it printed its line (or 10 s passed); interrupting the thread stops it. */
    private Thread started(String... args) throws InterruptedException {
        CommandLine cli = cli();
        Thread runner = new Thread(() -> cli.execute(args));
        runner.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!out.toString().endsWith(System.lineSeparator()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return runner;
    }

    /** The power as a session with user admin reads it from the BMC on 127.0.0.1:{@code port}. */
    private static boolean powerOn(int port) throws Exception {
        Deadline d = Deadline.after(Duration.ofSeconds(5));
        Session s = new IpmiClient().open(new InetSocketAddress("127.0.0.1", port),
                new Credentials("admin", Secret.of("secret"), null), SessionOptions.defaults(), d);
        boolean on = s.execute(new GetChassisStatus(), d).powerOn();
        s.close(d);
        return on;
    }

    private static void stop(Thread runner) throws InterruptedException {
        runner.interrupt();
        runner.join(5000);
        assertThat(runner.isAlive()).isFalse();
    }

    @Test
    void countOutOfRangeIsAUsageError(@TempDir Path dir) throws Exception {
        Path pw = SecretFiles.write(dir.resolve("pw"), "secret\n");
        assertThat(cli().execute("--port", "10763", "--count", "0", "--password-file", pw.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--count: expected a whole number from 1 to 1024, got 0");
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheOption(@TempDir Path dir) throws Exception {
        Path pw = SecretFiles.write(dir.resolve("pw"), "secret\n");
        assertThat(cli().execute("--port", "99999", "--password-file", pw.toString())).isEqualTo(2);
        assertThat(cli().execute("--port", "10764", "--answer-error", "zz", "--password-file", pw.toString()))
                .isEqualTo(2);
        assertThat(cli().execute("--port", "10764", "--loss-in", "200", "--password-file", pw.toString())).isEqualTo(2);
        assertThat(cli().execute("--port", "10764", "--delay-ms", "-5", "--password-file", pw.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--port: expected a UDP port from 0 (any free one) to 65535, got 99999")
                .contains("--delay-ms: expected 0 or more, got -5")
                .contains("--answer-error: expected a completion code in hex from 01 to ff, got 'zz'")
                .contains("--loss-in: expected a percentage from 0 to 100, got 200.0");
    }

    @Test
    void aPortInUseIsSaidSo(@TempDir Path dir) throws Exception {
        Path pw = SecretFiles.write(dir.resolve("pw"), "secret\n");
        try (SimulatedBmc taken = SimulatedBmc.builder().port(10765)
                .user("admin", Secret.of("x"), Privilege.ADMINISTRATOR).start()) {
            assertThat(cli().execute("--port", "10765", "--password-file", pw.toString())).isEqualTo(1);
            assertThat(err.toString()).contains("simulate-bmc: cannot listen on 127.0.0.1:10765: the port is in use");
        }
    }
}
