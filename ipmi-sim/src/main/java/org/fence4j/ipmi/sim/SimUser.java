package org.fence4j.ipmi.sim;

import java.nio.charset.StandardCharsets;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.session.Privilege;

/** A user account of the simulated BMC. */
public record SimUser(String name, Secret password, Privilege maxPrivilege) {

    byte[] nameBytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
