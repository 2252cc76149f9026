import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.cli.Terminal;

/**
 * WarmRuns RUNS TARGETS ARGS...: runs {@code fence-cli ARGS} RUNS times in one JVM and prints each
 * run's wall time in milliseconds, one per line. What a process that stayed warm would cost per
 * call, beside cluster.sh's whole processes (a benchmark of this directory, run by the JDK's
 * source launcher; not part of fence4j). Every run must exit 0 and report TARGETS powered on.
 */
public final class WarmRuns {
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        int targets = Integer.parseInt(args[1]);
        String[] command = Arrays.copyOfRange(args, 2, args.length);
        for (int i = 0; i < runs; i++) {
            StringWriter out = new StringWriter();
            Terminal terminal = new Terminal(new PrintWriter(out), new PrintWriter(System.err, true), System::getenv, false);
            long start = System.nanoTime();
            int exit = FenceCli.run(command, terminal);
            long nanos = System.nanoTime() - start;
            long poweredOn = out.toString().lines().filter(line -> line.endsWith(" is powered on (read by level 1, ipmi).")).count();
            if (exit != 0 || poweredOn != targets) {
                System.err.println("WarmRuns: run " + i + " exited " + exit + " with " + poweredOn + " of " + targets
                        + " targets powered on:\n" + out);
                System.exit(1);
            }
            System.out.printf("%.1f%n", nanos / 1e6);
        }
    }
}
