package org.fence4j.redfish.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What the simulated service answers: a status, headers and a JSON body (or none). */
record SimResponse(int status, Map<String, String> headers, JsonNode body) {

    SimResponse {
        headers = Map.copyOf(headers);
    }

    static SimResponse of(int status, JsonNode body) {
        return new SimResponse(status, Map.of(), body);
    }

    SimResponse with(String header, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(header, value);
        return new SimResponse(status, all, body);
    }
}
