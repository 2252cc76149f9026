package org.fence4j.ipmi.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.config.SecretFile;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.session.Privilege;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate-bmc}: a simulated BMC in the foreground, on loopback only, until Ctrl-C. A command
 * of its own, not fence-cli's: the simulator and Netty stay off the class path of every fencing call.
 */
@Command(name = "simulate-bmc", mixinStandardHelpOptions = true,
        description = {"Runs a simulated IPMI v2.0 (RMCP+) BMC on a loopback address until Ctrl-C.",
            "For trying fence4j without hardware, e.g. in one terminal:",
            "  IPMI_PASSWORD=secret simulate-bmc --port 9623 --password-env IPMI_PASSWORD",
            "and in another: fence-cli reset pm02 (with an ipmi device at 127.0.0.1:9623)."})
public final class SimulateBmcCommand implements Callable<Integer> {
    private static final int USAGE = 2;
    static final int MAX_COUNT = 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = "--address", defaultValue = "127.0.0.1", description = "Loopback address to listen on (default ${DEFAULT-VALUE}).")
    private String address;

    @Option(names = "--port", defaultValue = "9623", description = "UDP port (default ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--count", defaultValue = "1",
            description = "How many BMCs, on consecutive ports from --port (1-" + MAX_COUNT + ", default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--user", defaultValue = "admin", description = "User name (default ${DEFAULT-VALUE}).")
    private String user;

    @Option(names = "--password-file", description = "File whose first line is the user's password.")
    private Path passwordFile;

    @Option(names = "--password-env", description = "Environment variable holding the user's password.")
    private String passwordEnv;

    @Option(names = "--privilege", defaultValue = "administrator",
            description = "The user's highest privilege: user, operator or administrator (default ${DEFAULT-VALUE}).")
    private String privilege;

    @Option(names = "--power", defaultValue = "on", description = "Initial power state: on or off (default ${DEFAULT-VALUE}).")
    private String power;

    @Option(names = "--ciphers", defaultValue = "1,2,3,17", split = ",",
            description = "Cipher suites accepted (default ${DEFAULT-VALUE}; 0 only to test that clients refuse it).")
    private List<Integer> ciphers;

    @Option(names = "--kg-file", description = "File whose first line is the BMC key (Kg).")
    private Path kgFile;

    @Option(names = "--loss-in", defaultValue = "0", description = "Percent of requests lost.")
    private double lossIn;

    @Option(names = "--loss-out", defaultValue = "0", description = "Percent of answers lost.")
    private double lossOut;

    @Option(names = "--duplicate", defaultValue = "0", description = "Percent of answers sent twice.")
    private double duplicate;

    @Option(names = "--delay-ms", defaultValue = "0", description = "Delay of every answer in milliseconds.")
    private int delayMillis;

    @Option(names = "--reorder", description = "Hold each answer back until the next one.")
    private boolean reorder;

    @Option(names = "--never-power-off", description = "Acknowledge power down and power cycle but stay on (a lying BMC).")
    private boolean neverPowerOff;

    @Option(names = "--answer-error", description = "Answer every chassis control with this completion code (hex, e.g. ff).")
    private String answerError;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fault injection (default ${DEFAULT-VALUE}).")
    private long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateBmcCommand()).execute(args));
    }

    @Override
    public Integer call() {
        nettyForALongRunningServerOfOneClient();
        PrintWriter err = spec.commandLine().getErr();
        SimulatedBmc.Builder builder;
        Faults.Direction in;
        Faults.Direction out;
        int error;
        try {
            builder = SimulatedBmc.builder().address(loopback()).port(port).seed(seed)
                    .user(user, secret(passwordFile, passwordEnv, "--password-file or --password-env"), privilege())
                    .cipherSuites(ciphers()).powerOn(powerOn());
            if (kgFile != null) {
                builder.kg(secret(kgFile, null, "--kg-file"));
            }
            if (delayMillis < 0) { // before Faults.Direction, whose own check names no option
                throw new IllegalArgumentException("--delay-ms: expected 0 or more, got " + delayMillis);
            }
            in = new Faults.Direction(percent("--loss-in", lossIn), 0, 0, false);
            out = new Faults.Direction(percent("--loss-out", lossOut), percent("--duplicate", duplicate),
                    delayMillis, reorder);
            error = answerError == null ? 0 : completionCode(answerError);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port: expected a UDP port from 0 (any free one) to 65535, got "
                        + port);
            }
            if (count < 1 || count > MAX_COUNT) {
                throw new IllegalArgumentException("--count: expected a whole number from 1 to " + MAX_COUNT + ", got " + count);
            }
            if (count > 1 && (port < 1 || port + count - 1 > 65535)) {
                throw new IllegalArgumentException("--count " + count + " needs --port from 1 to " + (65536 - count)
                        + " (consecutive ports), got " + port);
            }
        } catch (IllegalArgumentException e) {
            err.println("simulate-bmc: " + e.getMessage());
            return USAGE;
        }
        List<SimulatedBmc> bmcs = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                SimulatedBmc bmc = builder.port(port + i).start();
                bmcs.add(bmc);
                bmc.faults().toBmc(in).fromBmc(out).neverPowerOff(neverPowerOff).chassisControlError(error);
            }
            SimulatedBmc first = bmcs.get(0);
            spec.commandLine().getOut().printf("simulated BMC%s listening on %s:%s (user %s, cipher suites %s, power %s);"
                    + " Ctrl-C stops %s%n", count == 1 ? "" : "s", first.address().getAddress().getHostAddress(),
                    count == 1 ? first.port() : first.port() + "-" + bmcs.get(count - 1).port(), user,
                    first.cipherSuites().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")),
                    first.powerOn() ? "on" : "off", count == 1 ? "it" : "them");
            spec.commandLine().getOut().flush();
            awaitShutdown();
        } catch (IllegalStateException e) {
            err.println("simulate-bmc: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // a checked exception here is the socket's bind's, which Netty throws undeclared
            err.println("simulate-bmc: cannot listen on " + address + ":" + (port + bmcs.size()) + ": "
                    + (e instanceof java.net.BindException ? "the port is in use" : e.getMessage()));
            return 1;
        } finally {
            bmcs.forEach(SimulatedBmc::close);
        }
        return 0;
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    private static void awaitShutdown() {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "simulate-bmc-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: the JVM is on its way out
        }
    }

    private InetAddress loopback() {
        try {
            InetAddress a = InetAddress.getByName(address);
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("--address " + address + " is not a loopback address; the simulated"
                        + " BMC listens on 127.0.0.0/8 or ::1 only");
            }
            return a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--address " + address + ": unknown host");
        }
    }

    /** A rate from a percentage option. */
    private static double percent(String option, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(option + ": expected a percentage from 0 to 100, got " + value);
        }
        return value / 100;
    }

    private static int completionCode(String hex) {
        try {
            int code = Integer.parseInt(hex, 16);
            if (code >= 1 && code <= 0xff) {
                return code;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--answer-error: expected a completion code in hex from 01 to ff, got '"
                + hex + "'");
    }

    private Privilege privilege() {
        return switch (privilege.toLowerCase(java.util.Locale.ROOT)) {
            case "user" -> Privilege.USER;
            case "operator" -> Privilege.OPERATOR;
            case "administrator", "admin" -> Privilege.ADMINISTRATOR;
            default -> throw new IllegalArgumentException("--privilege: expected user, operator or administrator, got '"
                    + privilege + "'");
        };
    }

    private boolean powerOn() {
        return switch (power) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--power: expected on or off, got '" + power + "'");
        };
    }

    private Set<Integer> ciphers() {
        for (int id : ciphers) {
            if (CipherSuite.byId(id).isEmpty()) {
                throw new IllegalArgumentException("--ciphers: suite " + id + " is not supported (0-3, 6-8, 15-17)");
            }
        }
        return new LinkedHashSet<>(ciphers);
    }

    /**
     * Netty's settings for this process, set before its first class loads: a BMC answers one client
     * at a time (pooled buffers and the selector's key-set rewrite only cost start-up), and leak
     * detection and JFR events have nothing to report to a demo or a test.
     */
    private static void nettyForALongRunningServerOfOneClient() {
        for (String[] setting : new String[][] {{"io.netty.allocator.type", "unpooled"},
                {"io.netty.leakDetection.level", "disabled"}, {"io.netty.noKeySetOptimization", "true"},
                {"io.netty.jfr.enabled", "false"}}) {
            if (System.getProperty(setting[0]) == null) {
                System.setProperty(setting[0], setting[1]);
            }
        }
    }

    /** A secret from a file's first line or an environment variable; never from the command line. */
    private static Secret secret(Path file, String env, String options) {
        if (file != null) {
            try {
                return SecretFile.readFirstLine(file, DeclaredParameters.SECRET_TIMEOUT);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage()
                        + "; expected a regular file whose first line is the secret");
            }
        }
        if (env != null) {
            String value = System.getenv(env);
            if (value == null) {
                throw new IllegalArgumentException("environment variable " + env + " is not set");
            }
            return Secret.of(value);
        }
        throw new IllegalArgumentException("give the secret with " + options + " (never on the command line)");
    }
}
