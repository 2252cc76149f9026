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
     * Made with the device, not at the first login: the first client starts setting the JDK's
     * cryptography up (IpmiClient), and the sooner, the more of it runs beside the call's own work.
     */
    private final IpmiClient client = new IpmiClient();

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
