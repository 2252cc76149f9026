package org.fence4j.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static java.util.Optional<JsonNode> parse(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsARedfishResourceWithEveryKindOfValue() {
        JsonNode system = parse("""
                {"@odata.id": "/redfish/v1/Systems/1", "PowerState": "On", "MemoryGiB": 512, "Load": 0.25,
                 "Healthy": true, "Asset": null, "Links": {"Chassis": [{"@odata.id": "/redfish/v1/Chassis/1"}]},
                 "Name": "n\\u00e9 \\"1\\""}""").orElseThrow();

        assertThat(Json.text(system, "PowerState")).contains("On");
        assertThat(system.get("MemoryGiB").asLong()).isEqualTo(512);
        assertThat(system.get("Load").asDouble()).isEqualTo(0.25);
        assertThat(system.get("Healthy").asBoolean()).isTrue();
        assertThat(system.get("Asset").isNull()).isTrue();
        assertThat(Json.link(system.get("Links").get("Chassis").get(0), "@odata.id")).isEmpty();
        assertThat(Json.text(system.get("Links").get("Chassis").get(0), "@odata.id")).contains("/redfish/v1/Chassis/1");
        assertThat(Json.text(system, "Name")).contains("né \"1\"");
        assertThat(parse("[1, [2, {}], []]").orElseThrow().size()).isEqualTo(3);
    }

    @Test
    void whatIsNoJsonObjectOrArrayIsNone() {
        assertThat(Json.parse(new byte[0])).isEmpty();
        assertThat(Json.parse(null)).isEmpty();
        assertThat(parse("<html><body>Service Unavailable</body></html>")).isEmpty();
        assertThat(parse("\"On\"")).isEmpty();
        assertThat(parse("{\"PowerState\": \"On\"")).isEmpty();
        assertThat(parse("[".repeat(5000) + "]".repeat(5000))).isEmpty();
    }

    @Test
    void writesTextFieldsInOrderEscaped() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("UserName", "admin");
        credentials.put("Password", "a\"b\\c\u00e9");

        byte[] body = Json.object(credentials);

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"UserName\":\"admin\",\"Password\":\"a\\\"b\\\\cé\"}");
        assertThat(Json.text(Json.parse(body).orElseThrow(), "Password")).contains("a\"b\\cé");
    }
}
