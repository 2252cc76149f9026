package org.fence4j.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** Redfish bodies as Jackson trees. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The body as JSON, or empty when it is none (an HTML error page, nothing at all). */
    static Optional<JsonNode> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body)).filter(JsonNode::isContainerNode);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The text at {@code field} of {@code node}, if it is text. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The {@code @odata.id} of the link at {@code field}: {"Systems": {"@odata.id": "/redfish/v1/Systems"}}. */
    static Optional<String> link(JsonNode node, String field) {
        return text(node.path(field), "@odata.id");
    }
}
