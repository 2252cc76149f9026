package org.fence4j.sim;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.fence4j.agents.spi.Secret;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every simulator command has alike, as a picocli mixin ({@code @Mixin SimulatorOptions}): the
 * options for where it listens, its user and password, the initial power and the faults' seed; its
 * errors, each one line after the command's name; and its life in the foreground, one line when it
 * is ready, then serving until the JVM is asked to stop (Ctrl-C, SIGTERM).
 */
public final class SimulatorOptions {
    /** The exit code of a command line that cannot be run as given. */
    public static final int USAGE = 2;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--address", defaultValue = "127.0.0.1", description = "Loopback address to listen on (default ${DEFAULT-VALUE}).")
    private String address;

    @Option(names = "--user", defaultValue = "admin", description = "User name (default ${DEFAULT-VALUE}).")
    private String user;

    @Option(names = "--password-file", description = "File whose first line is the user's password.")
    private Path passwordFile;

    @Option(names = "--password-env", description = "Environment variable holding the user's password.")
    private String passwordEnv;

    @Option(names = "--power", defaultValue = "on", description = "Initial power state: on or off (default ${DEFAULT-VALUE}).")
    private String power;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fault injection (default ${DEFAULT-VALUE}).")
    private long seed;

    /** The loopback address of --address; {@code listener} (e.g. "simulated BMC") for the message. */
    public InetAddress address(String listener) {
        return LoopbackAddress.parse("--address", address, listener);
    }

    /** --address as given. */
    public String addressText() {
        return address;
    }

    public String user() {
        return user;
    }

    /** The user's password from --password-file or --password-env; never from the command line. */
    public Secret password() {
        if (passwordFile != null) {
            return SimulatorSecret.fromFile(passwordFile, "password");
        }
        if (passwordEnv != null) {
            return SimulatorSecret.fromEnvironment(passwordEnv, System.getenv());
        }
        throw new IllegalArgumentException("give the password with --password-file or --password-env (never on the"
                + " command line)");
    }

    public boolean powerOn() {
        return switch (power) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--power: expected on or off, got '" + power + "'");
        };
    }

    public long seed() {
        return seed;
    }

    /** A rate from a percentage option. */
    public static double percent(String option, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(option + ": expected a percentage from 0 to 100, got " + value);
        }
        return value / 100;
    }

    /** Says {@code message} on the command's error output, after its name; returns {@link #USAGE}. */
    public int usageError(String message) {
        return failed(USAGE, message);
    }

    /** Says {@code message} on the command's error output, after its name; returns {@code exitCode}. */
    public int failed(int exitCode, String message) {
        PrintWriter err = command.commandLine().getErr();
        err.println(command.name() + ": " + message);
        err.flush();
        return exitCode;
    }

    /**
     * Prints {@code readyLine} (where it listens, for a person or a script waiting for it), then
     * blocks until the JVM is asked to stop or the thread is interrupted.
     */
    public void serveUntilStopped(String readyLine) {
        PrintWriter out = command.commandLine().getOut();
        out.println(readyLine);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, command.name() + "-stop");
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
}
