package org.fence4j.ipmi.agent;

import java.net.InetSocketAddress;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.PowerConnection;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.client.IpmiClient;
import org.fence4j.ipmi.session.Session;

/** One node's BMC: a connection is an authenticated session, logged in again if it stops answering. */
final class BmcDevice implements PowerDevice {
    private final IpmiSettings settings;
    /**
     * Made at the first connect, not with the device: the first client starts setting the JDK's
     * cryptography up (IpmiClient), which reads the security configuration, and making a device does
     * no I/O (validate makes every one).
     */
    private IpmiClient client;

    BmcDevice(IpmiSettings settings) {
        this.settings = settings;
    }

    @Override
    public String describe() {
        return "the BMC at " + settings.address() + ":" + settings.port();
    }

    @Override
    public String address() {
        return settings.address();
    }

    @Override
    public PowerConnection connect(Deadline deadline) throws InterruptedException {
        if (client == null) {
            client = new IpmiClient();
        }
        Session session = login(deadline);
        return new BmcConnection(new BlockingSession(session, deadline, this::login), session.cipherSuite().id());
    }

    /** Logs in by {@code deadline}; login_timeout bounds each handshake attempt, not all of them. */
    private Session login(Deadline deadline) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(settings.address(), settings.port());
        if (address.isUnresolved()) {
            throw new IpmiException("cannot resolve the BMC address '" + settings.address() + "'");
        }
        return client.open(address, settings.credentials(), settings.session().withLoginAttempt(settings.loginTimeout()),
                deadline);
    }
}
