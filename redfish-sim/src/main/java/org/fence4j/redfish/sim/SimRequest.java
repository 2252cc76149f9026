package org.fence4j.redfish.sim;

import java.util.Map;
import java.util.Optional;

/** A request to the simulated service: method, path without query, headers by lower-case name, body. */
record SimRequest(String method, String path, Map<String, String> headers, byte[] body) {

    SimRequest {
        headers = Map.copyOf(headers);
    }

    Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
