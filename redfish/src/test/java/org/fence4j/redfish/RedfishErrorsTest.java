package org.fence4j.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fence4j.agents.spi.Secret;
import org.fence4j.redfish.http.Reply;
import org.junit.jupiter.api.Test;

class RedfishErrorsTest {

    private static Reply reply(int status, String body) {
        return new Reply(status, Map.of("retry-after", "3"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anErrorBodyIsOneLineWithTheMessageAndEachExtendedMessage() {
        Reply conflict = reply(409, """
                {"error": {"code": "Base.1.8.GeneralError", "message": "A general error has occurred.\\nSee below.",
                 "@Message.ExtendedInfo": [{"MessageId": "IDRAC.2.8.PSU501", "Message": "Server is already powered OFF."}]}}
                """);
        assertThat(RedfishErrors.describe(conflict, List.of())).isEqualTo("HTTP 409 Conflict: A general error has occurred. See"
                + " below.; Server is already powered OFF. (IDRAC.2.8.PSU501)");
        assertThat(RedfishErrors.describe(reply(500, "<html>oops</html>"), List.of())).isEqualTo("HTTP 500 Internal Server Error");
    }

    @Test
    void aTasksMessagesAreItsWords() {
        assertThat(RedfishErrors.describe(reply(200, """
                {"TaskState": "Exception", "Messages": [{"MessageId": "Base.1.8.InternalError", "Message": "Reset failed."}]}
                """), List.of())).isEqualTo("HTTP 200: Reset failed. (Base.1.8.InternalError)");
    }

    @Test
    void theSecretsGivenAreMaskedEvenWhereTheLineIsCutShort() {
        String echo = "The value 'hunter2' for the property Password is not in a format that the service can accept.";
        assertThat(RedfishErrors.describe(reply(400, "{\"error\": {\"message\": \"" + echo + "\"}}"),
                List.of("hunter2", ""))).isEqualTo("HTTP 400 Bad Request: " + echo.replace("hunter2", Secret.MASK));
        String cut = "x".repeat(375) + "hunter2";
        assertThat(RedfishErrors.describe(reply(400, "{\"error\": {\"message\": \"" + cut + "\"}}"),
                List.of("hunter2"))).doesNotContain("hunt").endsWith("...");
    }

    @Test
    void maximumSessionsAreRecognisedInTheWordsOfSeveralFirmwares() {
        assertThat(RedfishErrors.sessionLimit(reply(400, """
                {"error": {"message": "x", "@Message.ExtendedInfo": [{"MessageId": "IDRAC.2.8.RAC0218"}]}}"""))).isTrue();
        assertThat(RedfishErrors.sessionLimit(reply(503, """
                {"error": {"message": "The maximum number of sessions has been reached"}}"""))).isTrue();
        assertThat(RedfishErrors.sessionLimit(reply(400, """
                {"error": {"message": "Malformed JSON"}}"""))).isFalse();
    }

    @Test
    void retryAfterInSecondsIsRead() {
        assertThat(Backoff.retryAfter(reply(503, ""))).contains(Duration.ofSeconds(3));
        assertThat(Backoff.retryAfter(new Reply(503, Map.of("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"),
                new byte[0]))).isEqualTo(Optional.empty());
    }
}
