package org.fence4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.fence4j.agents.testing.Await;
import org.fence4j.agents.testing.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Bounded: a command that should have refused to start would otherwise serve until stopped. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SimulatorOptionsTest {
    /** The process's environment holds it (this module's surefire configuration). */
    private static final String ENV = "FENCE4J_SIM_TEST_PASSWORD";
    private static final String ENV_VALUE = "env-s3cret";
    private static final String FILE_VALUE = "file-s3cret";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A simulator command as simulate-bmc and simulate-redfish are, minus the server. */
    @Command(name = "simulate-test")
    static final class TestSimulator implements Callable<Integer> {
        @Mixin
        SimulatorOptions options;
        String password;

        @Override
        public Integer call() {
            String line;
            try {
                line = "simulated test BMC listening on " + options.address("simulated test BMC").getHostAddress()
                        + " (user " + options.user() + ", power " + (options.powerOn() ? "on" : "off") + ", seed "
                        + options.seed() + ")";
                password = new String(options.password().bytes(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return options.usageError(e.getMessage());
            }
            options.serveUntilStopped(line);
            return 0;
        }
    }

    private final TestSimulator simulator = new TestSimulator();

    private CommandLine cli() {
        return new CommandLine(simulator).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }

    @Test
    void theSharedOptionsKeepTheirNamesAndDefaults() {
        CommandLine cli = cli();
        cli.parseArgs();
        assertThat(cli.getCommandSpec().options()).extracting(o -> o.longestName())
                .containsExactlyInAnyOrder("--address", "--user", "--password-file", "--password-env", "--power", "--seed");
        SimulatorOptions options = simulator.options;
        assertThat(options.addressText()).isEqualTo("127.0.0.1");
        assertThat(options.user()).isEqualTo("admin");
        assertThat(options.powerOn()).isTrue();
        assertThat(options.seed()).isEqualTo(1);
    }

    @Test
    void aPasswordFromAFileServesAndIsNeverPrinted(@TempDir Path dir) throws Exception {
        Path file = SecretFiles.write(dir.resolve("pw"), FILE_VALUE + "\n");
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(cli().execute("--password-file", file.toString(), "--power", "off")));
        runner.start();
        awaitLine();
        assertThat(runner.isAlive()).as("serving until stopped").isTrue();
        runner.interrupt();
        runner.join(5000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(simulator.password).isEqualTo(FILE_VALUE);
        assertThat(out.toString()).isEqualTo("simulated test BMC listening on 127.0.0.1 (user admin, power off, seed 1)"
                + System.lineSeparator());
        assertThat(out.toString() + err).doesNotContain(FILE_VALUE);
    }

    @Test
    void aPasswordFromTheEnvironmentIsNeverPrinted() throws Exception {
        Thread runner = new Thread(() -> cli().execute("--password-env", ENV, "--address", "::1"));
        runner.start();
        awaitLine();
        runner.interrupt();
        runner.join(5000);
        assertThat(simulator.password).isEqualTo(ENV_VALUE);
        assertThat(out.toString()).startsWith("simulated test BMC listening on 0:0:0:0:0:0:0:1 ");
        assertThat(out.toString() + err).doesNotContain(ENV_VALUE);
    }

    @Test
    void withoutAPasswordSourceItIsAUsageError() {
        assertThat(cli().execute()).isEqualTo(SimulatorOptions.USAGE);
        assertThat(err.toString()).isEqualTo("simulate-test: give the password with --password-file or --password-env"
                + " (never on the command line)" + System.lineSeparator());
    }

    @Test
    void aBadPasswordFileIsAUsageErrorThatShowsNoValue(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), FILE_VALUE + "\n");
        assertThat(cli().execute("--password-file", file.toString())).isEqualTo(SimulatorOptions.USAGE);
        assertThat(err.toString()).startsWith("simulate-test: cannot read " + file + ": ").doesNotContain(FILE_VALUE);
    }

    @Test
    void aNonLoopbackAddressIsAUsageErrorNamingTheOption() {
        assertThat(cli().execute("--address", "0.0.0.0", "--password-env", ENV)).isEqualTo(SimulatorOptions.USAGE);
        assertThat(err.toString()).isEqualTo("simulate-test: --address 0.0.0.0 is not a loopback address; the"
                + " simulated test BMC listens on loopback addresses only (127.0.0.0/8, ::1)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadPowerIsNamed() {
        assertThat(cli().execute("--power", "maybe", "--password-env", ENV)).isEqualTo(SimulatorOptions.USAGE);
        assertThat(err.toString()).contains("--power: expected on or off, got 'maybe'");
    }

    @Test
    void aPercentageIsARate() {
        assertThat(SimulatorOptions.percent("--drop", 25)).isEqualTo(0.25);
        for (double bad : new double[] {-1, 100.5, Double.NaN}) {
            assertThatThrownBy(() -> SimulatorOptions.percent("--drop", bad))
                    .hasMessage("--drop: expected a percentage from 0 to 100, got " + bad);
        }
    }

    @Test
    void failedSaysTheCommandAndReturnsItsCode() {
        cli().parseArgs();
        assertThat(simulator.options.failed(1, "cannot listen on 127.0.0.1:9: the port is in use")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("simulate-test: cannot listen on 127.0.0.1:9: the port is in use"
                + System.lineSeparator());
    }

    /** Waits (at most 10 s) until the command printed its line. */
    private void awaitLine() throws InterruptedException {
        Await.until("the command printed its line", () -> out.toString().endsWith(System.lineSeparator()),
                Duration.ofSeconds(10));
    }
}
