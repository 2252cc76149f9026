package org.fence4j.redfish.sim;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.config.SecretFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate-redfish}: a simulated Redfish BMC in the foreground, on loopback only, until
 * Ctrl-C. A command of its own, not fence-cli's: the simulator and Netty stay off the class path of
 * every fencing call.
 */
@Command(name = "simulate-redfish", mixinStandardHelpOptions = true,
        description = {"Runs a simulated Redfish BMC (HTTPS, its own certificate) on loopback until Ctrl-C.",
            "For trying fence4j without hardware, e.g. in one terminal:",
            "  REDFISH_PASSWORD=secret simulate-redfish --port 9443 --password-env REDFISH_PASSWORD",
            "and in another, with the fingerprint it prints:",
            "  fence_fence4j_redfish -a 127.0.0.1 -u 9443 -l admin --ssl-fingerprint=AB:CD:... -o status"})
public final class SimulateRedfishCommand implements Callable<Integer> {
    private static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--address", defaultValue = "127.0.0.1", description = "Loopback address to listen on (default ${DEFAULT-VALUE}).")
    private String address;

    @Option(names = "--port", defaultValue = "9443", description = "TCP port (default ${DEFAULT-VALUE}; 0: any free one).")
    private int port;

    @Option(names = "--plain-http", description = "Speak plain HTTP instead of HTTPS (clients need ssl=0).")
    private boolean plainHttp;

    @Option(names = "--cert", description = "PEM certificate chain to present instead of a generated one (with --key).")
    private File certificate;

    @Option(names = "--key", description = "PEM PKCS#8 private key of --cert.")
    private File key;

    @Option(names = "--cert-out", description = "Write the generated certificate (PEM) to this file, for clients to trust.")
    private Path certificateOut;

    @Option(names = "--user", defaultValue = "admin", description = "User name (default ${DEFAULT-VALUE}).")
    private String user;

    @Option(names = "--password-file", description = "File whose first line is the user's password.")
    private Path passwordFile;

    @Option(names = "--password-env", description = "Environment variable holding the user's password.")
    private String passwordEnv;

    @Option(names = "--systems", defaultValue = "1", description = "How many ComputerSystems, Ids 1..N (default ${DEFAULT-VALUE}).")
    private int systems;

    @Option(names = "--power", defaultValue = "on", description = "Initial power state: on or off (default ${DEFAULT-VALUE}).")
    private String power;

    @Option(names = "--transition-ms", defaultValue = "0",
            description = "Milliseconds a system reads PoweringOff or PoweringOn after a reset (default ${DEFAULT-VALUE}).")
    private long transitionMillis;

    @Option(names = "--cycle-off-ms", defaultValue = "1000",
            description = "Milliseconds a PowerCycle or ForceRestart keeps the system off (default ${DEFAULT-VALUE}).")
    private long cycleOffMillis;

    @Option(names = "--reset-types", split = ",", description = "ResetType values allowed (default: an iDRAC's).")
    private List<String> resetTypes;

    @Option(names = "--action-info", description = "Offer the reset types through @Redfish.ActionInfo.")
    private boolean actionInfo;

    @Option(names = "--no-session-service", description = "No SessionService: HTTP Basic only.")
    private boolean noSessionService;

    @Option(names = "--session-limit", defaultValue = "0", description = "Most sessions at once (0: no limit).")
    private int sessionLimit;

    @Option(names = "--refuse-redundant", defaultValue = "409",
            description = "Status refusing a reset to the state the system is in (iDRAC 409, iLO 400, 0: accept).")
    private int refuseRedundant;

    @Option(names = "--unavailable", defaultValue = "0", description = "Percent of requests answered 503.")
    private double unavailable;

    @Option(names = "--retry-after", defaultValue = "1", description = "Retry-After of a 503 or task, in seconds (default ${DEFAULT-VALUE}).")
    private int retryAfter;

    @Option(names = "--drop", defaultValue = "0", description = "Percent of answers dropped with the connection.")
    private double drop;

    @Option(names = "--never-answer", description = "Take requests and never answer.")
    private boolean neverAnswer;

    @Option(names = "--stuck-on", description = "Accept ForceOff and cycles but stay on (a lying BMC).")
    private boolean stuckOn;

    @Option(names = "--stuck-off", description = "Accept On but stay off (a node that does not come back).")
    private boolean stuckOff;

    @Option(names = "--refuse-resets", defaultValue = "0", description = "Refuse every reset with this status (400, 409).")
    private int refuseResets;

    @Option(names = "--task-ms", description = "Answer resets 202 with a task monitor running this many milliseconds.")
    private Long taskMillis;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fault injection (default ${DEFAULT-VALUE}).")
    private long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateRedfishCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SimulatedRedfishBmc.Builder builder;
        try {
            if ((certificate == null) != (key == null)) {
                throw new IllegalArgumentException("--cert and --key go together");
            }
            builder = SimulatedRedfishBmc.builder().address(loopback()).port(port).tls(!plainHttp).user(user, password())
                    .systems(systems).powerOn(on()).transitionDelay(Duration.ofMillis(transitionMillis))
                    .cycleOff(Duration.ofMillis(cycleOffMillis)).actionInfo(actionInfo)
                    .sessionService(!noSessionService).sessionLimit(sessionLimit).refuseRedundant(refuseRedundant)
                    .seed(seed);
            if (resetTypes != null) {
                builder.resetTypes(resetTypes);
            }
            if (certificate != null) {
                builder.certificate(certificate, key);
            }
        } catch (IllegalArgumentException e) {
            err.println("simulate-redfish: " + e.getMessage());
            return USAGE;
        }
        try (SimulatedRedfishBmc bmc = builder.start()) {
            bmc.faults().unavailable(percent("--unavailable", unavailable), retryAfter)
                    .dropAnswers(percent("--drop", drop)).neverAnswer(neverAnswer).stuckOn(stuckOn).stuckOff(stuckOff)
                    .refuseResets(refuseResets).taskMonitor(taskMillis == null ? null : Duration.ofMillis(taskMillis));
            if (certificateOut != null && bmc.certificate() != null) {
                Files.writeString(certificateOut, bmc.certificate().pem(), StandardCharsets.US_ASCII);
            }
            spec.commandLine().getOut().printf("simulated Redfish BMC listening on %s://%s:%d (user %s, %d system%s,"
                    + " power %s%s); Ctrl-C stops it%n", plainHttp ? "http" : "https",
                    bmc.address().getAddress().getHostAddress(), bmc.port(), user, systems, systems == 1 ? "" : "s", power,
                    bmc.certificate() == null ? "" : ", certificate SHA-256 " + bmc.certificate().fingerprint());
            spec.commandLine().getOut().flush();
            awaitShutdown();
        } catch (IllegalArgumentException e) {
            err.println("simulate-redfish: " + e.getMessage());
            return USAGE;
        } catch (IllegalStateException e) {
            err.println("simulate-redfish: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("simulate-redfish: cannot write " + certificateOut + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    private static void awaitShutdown() {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "simulate-redfish-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InetAddress loopback() {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--address " + address + ": unknown host");
        }
    }

    private boolean on() {
        return switch (power) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--power: expected on or off, got '" + power + "'");
        };
    }

    private static double percent(String option, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(option + ": expected a percentage from 0 to 100, got " + value);
        }
        return value / 100;
    }

    /** The password from a file's first line or an environment variable; never from the command line. */
    private String password() {
        if (passwordFile != null) {
            try {
                byte[] bytes = SecretFile.readFirstLine(passwordFile, DeclaredParameters.SECRET_TIMEOUT).bytes();
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + passwordFile + ": " + e.getMessage()
                        + "; expected a regular file whose first line is the password");
            }
        }
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null) {
                throw new IllegalArgumentException("environment variable " + passwordEnv + " is not set");
            }
            return value;
        }
        throw new IllegalArgumentException("give the password with --password-file or --password-env (never on the"
                + " command line)");
    }
}
