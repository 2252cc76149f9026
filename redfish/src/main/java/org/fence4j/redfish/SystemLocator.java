package org.fence4j.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.spi.Deadline;

/**
 * Finds the ComputerSystem to power: the one systems_uri names (a path, or an Id of the Systems
 * collection), or the only member of the collection. Behind a service that manages several systems
 * and no systems_uri, none is chosen: fence_redfish takes the last member, which may not be the node.
 */
final class SystemLocator {
    private static final int MOST_LISTED = 8;

    private SystemLocator() {
    }

    static String locate(RedfishSession session, Optional<String> systemsUri, Deadline by) throws InterruptedException {
        if (systemsUri.isPresent() && systemsUri.get().contains("/")) {
            return session.pathOf(systemsUri.get());
        }
        String collection = Json.link(session.serviceRoot(), "Systems").map(session::pathOf).orElseThrow(() ->
                new RedfishException("the BMC's service root lists no Systems collection"));
        if (systemsUri.isPresent()) {
            return RedfishSession.member(collection, systemsUri.get());
        }
        List<String> members = new ArrayList<>();
        for (JsonNode member : session.get(collection, by).path("Members")) {
            Json.text(member, "@odata.id").ifPresent(members::add);
        }
        if (members.isEmpty()) {
            throw new RedfishException("the BMC lists no system in " + collection);
        }
        if (members.size() > 1) {
            throw new RedfishException("the BMC manages " + members.size() + " systems (" + listed(members)
                    + "): set systems_uri to this node's (its URI or its Id); nothing was sent to any of them");
        }
        return session.pathOf(members.get(0), collection);
    }

    /** The first few members, and how many more: a collection may hold thousands. */
    private static String listed(List<String> members) {
        String first = String.join(", ", members.subList(0, Math.min(MOST_LISTED, members.size())));
        return members.size() <= MOST_LISTED ? first : first + ", ... " + (members.size() - MOST_LISTED) + " more";
    }
}
