package org.fence4j.ipmi.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.sim.SimulatorOptions;
import org.fence4j.sim.SimulatorSecret;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    static final int MAX_COUNT = 1024;

    @Mixin
    private SimulatorOptions options;

    @Option(names = "--port", defaultValue = "9623", description = "UDP port (default ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--count", defaultValue = "1",
            description = "How many BMCs, on consecutive ports from --port (1-" + MAX_COUNT + ", default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--privilege", defaultValue = "administrator",
            description = "The user's highest privilege: user, operator or administrator (default ${DEFAULT-VALUE}).")
    private String privilege;

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

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateBmcCommand()).execute(args));
    }

    @Override
    public Integer call() {
        nettyForALongRunningServerOfOneClient();
        SimulatedBmc.Builder builder;
        Faults.Direction in;
        Faults.Direction out;
        int error;
        try {
            builder = SimulatedBmc.builder().address(options.address("simulated BMC")).port(port).seed(options.seed())
                    .user(options.user(), options.password(), privilege()).cipherSuites(ciphers())
                    .powerOn(options.powerOn());
            if (kgFile != null) {
                builder.kg(SimulatorSecret.fromFile(kgFile, "secret"));
            }
            if (delayMillis < 0) { // before Faults.Direction, whose own check names no option
                throw new IllegalArgumentException("--delay-ms: expected 0 or more, got " + delayMillis);
            }
            in = new Faults.Direction(SimulatorOptions.percent("--loss-in", lossIn), 0, 0, false);
            out = new Faults.Direction(SimulatorOptions.percent("--loss-out", lossOut),
                    SimulatorOptions.percent("--duplicate", duplicate), delayMillis, reorder);
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
            return options.usageError(e.getMessage());
        }
        List<SimulatedBmc> bmcs = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                SimulatedBmc bmc = builder.port(port + i).start();
                bmcs.add(bmc);
                bmc.faults().toBmc(in).fromBmc(out).neverPowerOff(neverPowerOff).chassisControlError(error);
            }
            SimulatedBmc first = bmcs.get(0);
            options.serveUntilStopped(String.format("simulated BMC%s listening on %s:%s (user %s, cipher suites %s,"
                    + " power %s); Ctrl-C stops %s", count == 1 ? "" : "s", first.address().getAddress().getHostAddress(),
                    count == 1 ? first.port() : first.port() + "-" + bmcs.get(count - 1).port(), options.user(),
                    first.cipherSuites().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")),
                    first.powerOn() ? "on" : "off", count == 1 ? "it" : "them"));
        } catch (IllegalStateException e) {
            return options.failed(1, e.getMessage());
        } finally {
            bmcs.forEach(SimulatedBmc::close);
        }
        return 0;
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
}
