package org.fence4j.redfish.sim;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The SessionService's sessions: id by token, at most {@code limit} at once (0: no limit). */
final class SimSessions {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> idByToken = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger created = new AtomicInteger();
    private final int limit;

    SimSessions(int limit) {
        this.limit = limit;
    }

    /** A new session's token and id, or empty when the limit is reached. */
    synchronized Optional<Map.Entry<String, String>> create() {
        if (limit > 0 && idByToken.size() >= limit) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        String id = String.valueOf(nextId.getAndIncrement());
        idByToken.put(token, id);
        created.incrementAndGet();
        return Optional.of(Map.entry(token, id));
    }

    boolean valid(String token) {
        return idByToken.containsKey(token);
    }

    /** Deletes session {@code id}; false if there is none. */
    boolean delete(String id) {
        return idByToken.values().remove(id);
    }

    boolean exists(String id) {
        return idByToken.containsValue(id);
    }

    /** Forgets every session, as a BMC that restarted. */
    void expireAll() {
        idByToken.clear();
    }

    int open() {
        return idByToken.size();
    }

    int created() {
        return created.get();
    }

    java.util.Collection<String> ids() {
        return idByToken.values();
    }
}
