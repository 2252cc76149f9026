package org.fence4j.helper;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Probes with the system {@code ping}, as upstream does: ICMP needs privileges the JVM does not
 * have, ping has them (file capability). One echo request, one second to answer. iputils' ping
 * takes {@code -6} for IPv6 (its {@code ping6} is the same program).
 */
final class PingProbe implements Probe {
    /** The command line of one probe. */
    List<String> command(ProbeAddress address) {
        List<String> command = new ArrayList<>(List.of("ping"));
        if (address.ipv6()) {
            command.add("-6");
        }
        command.addAll(List.of("-c1", "-w1", "-n", "-q"));
        address.interfaceName().ifPresent(name -> command.addAll(List.of("-I", name)));
        command.addAll(List.of("--", address.literal()));
        return command;
    }

    /** Exit 0: a reply came; 1: no reply; anything else (2: ping could not send) is an error. */
    @Override
    public boolean answers(ProbeAddress address, Duration limit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(address))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("ping did not end within " + limit.toMillis() + " ms");
            }
        } finally {
            if (process.isAlive()) {
                Processes.end(process);
            }
        }
        return switch (process.exitValue()) {
            case 0 -> true;
            case 1 -> false;
            default -> throw new IOException("ping exited " + process.exitValue() + ": it could not send");
        };
    }
}
