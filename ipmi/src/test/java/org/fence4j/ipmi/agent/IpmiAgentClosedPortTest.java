package org.fence4j.ipmi.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.RawParameter;
import org.junit.jupiter.api.Test;

/**
 * The ipmi agent against a loopback UDP port where nothing listens (bound, then closed): the
 * kernel answers every datagram with ICMP port unreachable, and that is said within seconds,
 * not at the level's deadline.
 */
class IpmiAgentClosedPortTest {
    /** A fencing level's time: before, the agent tried fresh logins until all of it was spent. */
    private static final Duration LEVEL = Duration.ofSeconds(30);

    @Test
    void nothingListeningOnTheBmcsPortIsAFailureSaidLongBeforeTheDeadline() throws Exception {
        int port;
        try (DatagramSocket closed = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        FenceAgentProvider provider = AgentRegistry.load().require("ipmi");
        List<RawParameter> raw = List.of(new RawParameter("hostname", "pm02", Origin.stdin(1)),
                new RawParameter("ipaddr", "127.0.0.1", Origin.stdin(2)),
                new RawParameter("ipport", Integer.toString(port), Origin.stdin(3)),
                new RawParameter("userid", "admin", Origin.stdin(4)),
                new RawParameter("passwd", "secret", Origin.stdin(5)));
        Deadline deadline = Deadline.after(LEVEL);
        FenceResult result;
        try (FenceAgent agent = provider.create(DeclaredParameters.resolve(provider.parameters(), raw,
                DeclaredParameters.Unknown.REJECT, name -> null))) {
            result = agent.execute(FenceAction.OFF, "pm02", deadline);
        }
        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.power()).isEqualTo(PowerState.UNKNOWN);
        assertThat(result.message()).contains("nothing listens on UDP port " + port + " at 127.0.0.1")
                .contains("ICMP port unreachable on 3 fresh login attempts");
        // three fresh attempts a pause apart, not fresh logins until the deadline
        assertThat(deadline.remaining()).isGreaterThan(LEVEL.minusSeconds(10));
    }
}
