package org.fence4j.ipmi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One OpenIPMI ipmi_sim started with the project's lab scripts (ipmi/lab/ipmi-sim), and ipmitool as
 * an independent witness of the power state. Passwords go to ipmitool through IPMI_PASSWORD and
 * -E, never on a command line.
 */
public final class IpmiSimLab implements AutoCloseable {
    private final Path scripts;
    private final Path dir;
    private final int port;
    private final String kg;

    private IpmiSimLab(Path scripts, Path dir, int port, String kg) {
        this.scripts = scripts;
        this.dir = dir;
        this.port = port;
        this.kg = kg;
    }

    /** Starts ipmi_sim on {@code port}; skips the test only if ipmi_sim or ipmitool is not installed. */
    public static IpmiSimLab start(int port, Path stateDir, String kg) throws IOException, InterruptedException {
        assumeTrue(onPath("ipmi_sim"), "ipmi_sim is not installed (apt-get install openipmi)");
        assumeTrue(onPath("ipmitool"), "ipmitool is not installed (apt-get install ipmitool)");
        Path scripts = findScripts();
        List<String> cmd = new ArrayList<>(List.of(scripts.resolve("start.sh").toString(), "--port", Integer.toString(port),
                "--state-dir", stateDir.toString()));
        if (kg != null) {
            cmd.addAll(List.of("--kg", kg));
        }
        Result r = run(cmd, Map.of(), 20);
        if (r.rc != 0) {
            throw new IllegalStateException("start.sh failed (rc=" + r.rc + "): " + r.output);
        }
        return new IpmiSimLab(scripts, stateDir, port, kg);
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** Sets the simulated power without IPMI (the chassis-control hook's own state file). */
    public void setPower(boolean on) throws IOException {
        Files.writeString(dir.resolve("power"), on ? "1\n" : "0\n");
    }

    public void fault(String name, boolean present) throws IOException {
        if (present) {
            Files.writeString(dir.resolve(name), "");
        } else {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    public String chassisLog() throws IOException {
        Path log = dir.resolve("chassis.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** "on" or "off" as ipmitool -I lanplus -C 3 reads it: the independent witness. */
    public String witnessPower() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        if (kg != null) {
            args.addAll(List.of("-k", kg));
        }
        args.addAll(List.of("chassis", "power", "status"));
        String output = ipmitool(port, "secret", "3", args.toArray(String[]::new));
        if (output.contains("Chassis Power is on")) {
            return "on";
        }
        if (output.contains("Chassis Power is off")) {
            return "off";
        }
        throw new IllegalStateException("ipmitool could not read the power: " + output);
    }

    /** The witness's reading once it is {@code expected}, or the last reading after {@code tries} half-second polls. */
    public String witnessPowerEventually(String expected, int tries) throws IOException, InterruptedException {
        String seen = witnessPower();
        for (int i = 1; i < tries && !seen.equals(expected); i++) {
            Thread.sleep(500);
            seen = witnessPower();
        }
        return seen;
    }

    /** Runs ipmitool as user admin on 127.0.0.1:port; the password goes through IPMI_PASSWORD and -E. */
    public static String ipmitool(int port, String password, String cipher, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-C", cipher, "-H", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "admin", "-E", "-N", "1", "-R", "3"));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of("IPMI_PASSWORD", password), 20).output;
    }

    /**
     * FreeIPMI's ipmipower (IPMI 2.0, {@code cipher}) against 127.0.0.1:{@code port} as admin; the
     * password goes in a configuration file of this user's only, never on the command line.
     */
    public static String ipmipower(int port, String password, String cipher, String... args)
            throws IOException, InterruptedException {
        Path config = Files.createTempFile("freeipmi", ".conf");
        try {
            Files.writeString(config, "username admin\npassword " + password + "\n");
            List<String> cmd = new ArrayList<>(List.of("ipmipower", "--config-file=" + config, "-D", "LAN_2_0", "-I",
                    cipher, "-h", "127.0.0.1:" + port));
            cmd.addAll(List.of(args));
            return run(cmd, Map.of(), 20).output;
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** Stops ipmi_sim and removes its state directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(scripts.resolve("stop.sh").toString(), "--state-dir", dir.toString()), Map.of(), 15);
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private record Result(int rc, String output) {
    }

    private static Result run(List<String> cmd, Map<String, String> env, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The lab: -Dfence4j.lab=DIR, else ipmi/lab/ipmi-sim of this checkout (tests run in a module directory). */
    private static Path findScripts() {
        String configured = System.getProperty("fence4j.lab");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("lab/ipmi-sim"), p.resolve("ipmi/lab/ipmi-sim"))) {
                if (Files.isExecutable(candidate.resolve("start.sh"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("cannot find ipmi/lab/ipmi-sim/start.sh above " + Path.of("").toAbsolutePath()
                + "; set -Dfence4j.lab=DIR");
    }
}
