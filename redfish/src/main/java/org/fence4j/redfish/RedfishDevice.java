package org.fence4j.redfish;

import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.PowerConnection;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.redfish.http.HttpTransport;
import org.fence4j.redfish.tls.TlsTrust;
import org.slf4j.LoggerFactory;

/** One node's BMC: a connection is a session on its Redfish service, with the node's ComputerSystem found. */
final class RedfishDevice implements PowerDevice {
    private final RedfishSettings settings;

    RedfishDevice(RedfishSettings settings) {
        this.settings = settings;
    }

    @Override
    public String describe() {
        return "the Redfish service at " + settings.endpoint();
    }

    @Override
    public String address() {
        return settings.endpoint().host();
    }

    @Override
    public PowerConnection connect(Deadline deadline) throws InterruptedException {
        warnOfWeakSettings();
        RedfishSession session = RedfishSession.open(new HttpTransport(settings.endpoint(), settings.trust()), settings,
                deadline);
        try {
            return new RedfishConnection(session, SystemLocator.locate(session, settings.systemsUri(), deadline));
        } catch (RuntimeException | InterruptedException e) {
            session.close();
            throw e;
        }
    }

    private void warnOfWeakSettings() {
        if (!settings.endpoint().tls()) {
            LoggerFactory.getLogger(RedfishDevice.class).warn("ssl=0: the password goes to {} in clear text over"
                    + " plain HTTP.", settings.endpoint());
        } else if (settings.trust().mode() == TlsTrust.Mode.INSECURE) {
            LoggerFactory.getLogger(RedfishDevice.class).warn("ssl_insecure: the certificate of {} is not verified;"
                    + " anyone on the path could answer as the BMC and read the password. Set ssl_fingerprint"
                    + " instead.", settings.endpoint());
        }
    }
}
