package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.process.BoundedCommand;

/**
 * Probes with the system {@code ping}, as upstream does: ICMP needs privileges the JVM does not
 * have, ping has them (file capability). One echo request, one second to answer. iputils' ping
 * takes {@code -6} for IPv6 (its {@code ping6} is the same program). No {@code -q}: the ICMP
 * error lines it would hide tell a silence from an error ({@link PingOutput}).
 */
final class PingProbe implements Probe {
    /**
     * The command line of one probe. An IPv6 link-local address takes its interface as its scope
     * ({@code fe80::1%eth1}) rather than {@code -I}: then a link without carrier (a powered-off
     * peer on a direct cable) is a plain silence, not ping's warning that it may send through
     * another device.
     */
    List<String> command(ProbeAddress address) {
        List<String> command = new ArrayList<>(List.of("ping"));
        if (address.ipv6()) {
            command.add("-6");
        }
        command.addAll(List.of("-c1", "-w1", "-n"));
        Optional<String> scope = address.interfaceName()
                .filter(name -> address.ipv6() && address.address().isLinkLocalAddress());
        if (scope.isEmpty()) {
            address.interfaceName().ifPresent(name -> command.addAll(List.of("-I", name)));
        }
        command.addAll(List.of("--", address.literal() + scope.map(name -> "%" + name).orElse("")));
        return command;
    }

    /** A silence counts only if the kernel discarded no outgoing packet meanwhile: ping says nothing of those. */
    @Override
    public boolean answers(ProbeAddress address, Duration limit) throws IOException, InterruptedException {
        long discarded = OutgoingDiscards.now(address);
        if (ping(address, limit)) {
            return true;
        }
        long discardedMeanwhile = OutgoingDiscards.now(address) - discarded;
        if (discardedMeanwhile > 0) {
            throw new IOException("no answer, but this host discarded " + discardedMeanwhile + " outgoing packet(s)"
                    + " meanwhile: a firewall on this host may have dropped the echo request");
        }
        return false;
    }

    private boolean ping(ProbeAddress address, Duration limit) throws IOException, InterruptedException {
        BoundedCommand.Result ping = BoundedCommand.of(command(address))
                .environment("LC_ALL", "C") // PingOutput reads its English
                .run(limit);
        return PingOutput.answered(ping.exitCode(), ping.stdoutText(), ping.stderr());
    }

    @Override
    public Optional<String> whyCannotReach(ProbeAddress address) {
        return LocalRoute.whyCannotReach(address);
    }
}
