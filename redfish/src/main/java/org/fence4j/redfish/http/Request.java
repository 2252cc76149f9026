package org.fence4j.redfish.http;

import java.util.Map;

/**
 * One HTTP request to the service. {@code headers} may hold credentials (a session token or Basic):
 * {@link #toString()} shows the method and path only.
 */
public record Request(String method, String path, Map<String, String> headers, byte[] body) {

    public Request {
        headers = Map.copyOf(headers);
    }

    public static Request get(String path, Map<String, String> headers) {
        return new Request("GET", path, headers, null);
    }

    /** Whether sending it twice does no more than sending it once. */
    public boolean idempotent() {
        return !method.equals("POST");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
