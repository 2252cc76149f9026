package org.fence4j.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.fence4j.agents.spi.Secret;
import org.fence4j.redfish.http.Reply;

/**
 * A failed answer in one line: its status and the service's own words (error.message,
 * {@code @Message.ExtendedInfo}, a task's Messages).
 */
final class RedfishErrors {
    private static final int MOST_CHARS = 400;
    /** iDRAC's RAC0218, the Base registry's SessionLimitExceeded, and other firmware's words for it. */
    private static final Pattern SESSION_LIMIT = Pattern.compile(
            "RAC0218|SessionLimitExceeded|maximum (number of )?(user )?sessions|session limit|too many sessions",
            Pattern.CASE_INSENSITIVE);

    private RedfishErrors() {
    }

    /**
     * "HTTP 409 Conflict: the service's words", each of {@code secrets} in them replaced by
     * {@link Secret#MASK} (before the line is shortened, so no part of one is left).
     */
    static String describe(Reply reply, Collection<String> secrets) {
        List<String> words = words(reply);
        String status = "HTTP " + reply.status() + reason(reply.status());
        String line = words.isEmpty() ? status : status + ": " + String.join("; ", words);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                line = line.replace(secret, Secret.MASK);
            }
        }
        line = line.replaceAll("\\s+", " ").strip();
        return line.length() <= MOST_CHARS ? line : line.substring(0, MOST_CHARS) + "...";
    }

    /** Whether the answer says that the service has no session left to give. */
    static boolean sessionLimit(Reply reply) {
        return reply.status() >= 400 && SESSION_LIMIT.matcher(String.join(" ", words(reply))).find();
    }

    /** The error's message, then each extended message with its id, without repeats. */
    private static List<String> words(Reply reply) {
        List<String> words = new ArrayList<>();
        Json.parse(reply.body()).ifPresent(body -> {
            JsonNode error = body.has("error") ? body.get("error") : body;
            Json.text(error, "message").ifPresent(words::add);
            // an error's extended information, or a task's messages
            JsonNode infos = error.has("@Message.ExtendedInfo") ? error.get("@Message.ExtendedInfo") : body.path("Messages");
            for (JsonNode info : infos) {
                String message = Json.text(info, "Message").orElse("");
                String id = Json.text(info, "MessageId").orElse("");
                String shown = id.isEmpty() ? message : message.isEmpty() ? id : message + " (" + id + ")";
                if (!shown.isEmpty() && !words.contains(shown) && !words.contains(message)) {
                    words.add(shown);
                }
            }
        });
        return words;
    }

    private static String reason(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "";
        };
        return reason.isEmpty() ? "" : " " + reason;
    }
}
