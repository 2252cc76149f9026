package org.fence4j.redfish.http;

import java.util.Map;
import java.util.Optional;

/** An HTTP answer: its status, the headers Redfish uses (names in lower case) and the body. */
public record Reply(int status, Map<String, String> headers, byte[] body) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        // a login's answer carries the session token in a header: never shown
        return "HTTP " + status;
    }
}
