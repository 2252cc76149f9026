package org.fence4j.redfish.sim;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.fence4j.agents.spi.Secret;
import org.fence4j.sim.SimulatorOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    @Mixin
    private SimulatorOptions options;

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

    @Option(names = "--systems", defaultValue = "1", description = "How many ComputerSystems, Ids 1..N (default ${DEFAULT-VALUE}).")
    private int systems;

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

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateRedfishCommand()).execute(args));
    }

    @Override
    public Integer call() {
        SimulatedRedfishBmc.Builder builder;
        try {
            if ((certificate == null) != (key == null)) {
                throw new IllegalArgumentException("--cert and --key go together");
            }
            builder = SimulatedRedfishBmc.builder().address(options.address("simulated Redfish BMC")).port(port)
                    .tls(!plainHttp).user(options.user(), text(options.password())).systems(systems)
                    .powerOn(options.powerOn()).transitionDelay(Duration.ofMillis(transitionMillis))
                    .cycleOff(Duration.ofMillis(cycleOffMillis)).actionInfo(actionInfo)
                    .sessionService(!noSessionService).sessionLimit(sessionLimit).refuseRedundant(refuseRedundant)
                    .seed(options.seed());
            if (resetTypes != null) {
                builder.resetTypes(resetTypes);
            }
            if (certificate != null) {
                builder.certificate(certificate, key);
            }
        } catch (IllegalArgumentException e) {
            return options.usageError(e.getMessage());
        }
        try (SimulatedRedfishBmc bmc = builder.start()) {
            bmc.faults().unavailable(SimulatorOptions.percent("--unavailable", unavailable), retryAfter)
                    .dropAnswers(SimulatorOptions.percent("--drop", drop)).neverAnswer(neverAnswer).stuckOn(stuckOn)
                    .stuckOff(stuckOff)
                    .refuseResets(refuseResets).taskMonitor(taskMillis == null ? null : Duration.ofMillis(taskMillis));
            if (certificateOut != null && bmc.certificate() != null) {
                Files.writeString(certificateOut, bmc.certificate().pem(), StandardCharsets.US_ASCII);
            }
            options.serveUntilStopped(String.format("simulated Redfish BMC listening on %s://%s:%d (user %s, %d system%s,"
                    + " power %s%s); Ctrl-C stops it", plainHttp ? "http" : "https",
                    bmc.address().getAddress().getHostAddress(), bmc.port(), options.user(), systems,
                    systems == 1 ? "" : "s", options.powerOn() ? "on" : "off",
                    bmc.certificate() == null ? "" : ", certificate SHA-256 " + bmc.certificate().fingerprint()));
        } catch (IllegalArgumentException e) {
            return options.usageError(e.getMessage());
        } catch (IllegalStateException e) {
            return options.failed(1, e.getMessage());
        } catch (IOException e) {
            return options.failed(1, "cannot write " + certificateOut + ": " + e.getMessage());
        }
        return 0;
    }

    /** The simulated service compares passwords as text. */
    private static String text(Secret password) {
        return new String(password.bytes(), StandardCharsets.UTF_8);
    }
}
