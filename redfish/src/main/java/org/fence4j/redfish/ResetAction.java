package org.fence4j.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fence4j.agents.spi.Deadline;

/**
 * A system's {@code #ComputerSystem.Reset}: where to post it and the reset types it allows, from
 * {@code ResetType@Redfish.AllowableValues} or its {@code @Redfish.ActionInfo} (none listed: any).
 * fence4j asks only for forced and power types; a Graceful* type is never sent, since a fence must
 * not wait for the node's own cooperation.
 */
record ResetAction(String target, List<String> allowed) {
    static final String NAME = "#ComputerSystem.Reset";

    ResetAction {
        allowed = List.copyOf(allowed);
    }

    static ResetAction of(JsonNode system, String systemPath, RedfishSession session, Deadline by)
            throws InterruptedException {
        JsonNode action = system.path("Actions").path(NAME);
        String target = Json.text(action, "target").orElseThrow(() -> new RedfishException(systemPath
                + " offers no " + NAME + " action: its power cannot be switched through Redfish"));
        List<String> allowed = values(action.path("ResetType@Redfish.AllowableValues"));
        if (allowed.isEmpty() && Json.text(action, "@Redfish.ActionInfo").isPresent()) {
            JsonNode info = session.get(session.pathOf(Json.text(action, "@Redfish.ActionInfo").get(), systemPath), by);
            for (JsonNode parameter : info.path("Parameters")) {
                if (Json.text(parameter, "Name").filter("ResetType"::equals).isPresent()) {
                    allowed = values(parameter.path("AllowableValues"));
                }
            }
        }
        return new ResetAction(session.pathOf(target, systemPath), allowed);
    }

    /** The first of {@code preferred} the system allows; throws naming what it allows when none. */
    String choose(String systemPath, String... preferred) {
        for (String type : preferred) {
            if (allowed.isEmpty() || allowed.contains(type)) {
                return type;
            }
        }
        throw new RedfishException(systemPath + " does not allow the reset type " + String.join(" or ", preferred)
                + " (it allows " + String.join(", ", allowed) + "); fence4j never fences with a Graceful* type");
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> {
            if (v.isTextual()) {
                values.add(v.asText());
            }
        });
        return values;
    }

    @Override
    public String toString() {
        return NAME + " at " + target + (allowed.isEmpty() ? "" : " " + Arrays.toString(allowed.toArray()));
    }
}
