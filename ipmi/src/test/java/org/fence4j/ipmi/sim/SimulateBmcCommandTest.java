package org.fence4j.ipmi.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.client.IpmiClient;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.session.Credentials;
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
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
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
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        CommandLine cli = cli();
        Thread runner = new Thread(() -> cli.execute("--port", "9742", "--password-file", pw.toString(), "--power", "off",
                "--ciphers", "3,17"));
        runner.start();
        try (IpmiClient client = new IpmiClient()) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!out.toString().endsWith(System.lineSeparator()) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).isEqualTo("simulated BMC listening on 127.0.0.1:9742 (user admin, cipher suites"
                    + " 3,17, power off); Ctrl-C stops it" + System.lineSeparator());
            Deadline d = Deadline.after(Duration.ofSeconds(5));
            Session s = client.open(new InetSocketAddress("127.0.0.1", 9742),
                    new Credentials("admin", Secret.of("secret"), null), SessionOptions.defaults(), d).get(6, TimeUnit.SECONDS);
            CompletableFuture<Boolean> on = s.execute(new GetChassisStatus(), d).thenApply(st -> st.powerOn());
            assertThat(on.get(6, TimeUnit.SECONDS)).isFalse();
            s.close(d).get(6, TimeUnit.SECONDS);
        } finally {
            runner.interrupt();
            runner.join(5000);
        }
        assertThat(runner.isAlive()).isFalse();
    }

    @Test
    void countServesThatManyBmcsOnConsecutivePorts(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        CommandLine cli = cli();
        Thread runner = new Thread(() -> cli.execute("--port", "10760", "--count", "3", "--password-file", pw.toString(),
                "--ciphers", "3"));
        runner.start();
        try (IpmiClient client = new IpmiClient()) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!out.toString().endsWith(System.lineSeparator()) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).isEqualTo("simulated BMCs listening on 127.0.0.1:10760-10762 (user admin, cipher"
                    + " suites 3, power on); Ctrl-C stops them" + System.lineSeparator());
            Deadline d = Deadline.after(Duration.ofSeconds(5));
            Session s = client.open(new InetSocketAddress("127.0.0.1", 10762),
                    new Credentials("admin", Secret.of("secret"), null), SessionOptions.defaults(), d).get(6, TimeUnit.SECONDS);
            assertThat(s.execute(new GetChassisStatus(), d).get(6, TimeUnit.SECONDS).powerOn()).isTrue();
            s.close(d).get(6, TimeUnit.SECONDS);
        } finally {
            runner.interrupt();
            runner.join(5000);
        }
        assertThat(runner.isAlive()).isFalse();
    }

    @Test
    void countOutOfRangeIsAUsageError(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        assertThat(cli().execute("--port", "10763", "--count", "0", "--password-file", pw.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--count: expected a whole number from 1 to 1024, got 0");
    }
}
