package org.fence4j.ipmi.session;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.crypto.Rakp;

/**
 * Who logs in: user name (up to 16 bytes), password (up to 20 bytes), optional BMC key Kg
 * (up to 20 bytes). Never printed.
 */
public final class Credentials {
    public static final int MAX_USER = 16;
    public static final int MAX_KEY = 20;

    private final String user;
    private final Secret password;
    private final Secret kg;

    public Credentials(String user, Secret password, Secret kg) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.kg = kg;
        if (userBytes().length > MAX_USER) {
            throw new IllegalArgumentException("user name longer than " + MAX_USER + " bytes");
        }
        if (password.length() > MAX_KEY || (kg != null && kg.length() > MAX_KEY)) {
            throw new IllegalArgumentException("password and Kg may be at most " + MAX_KEY + " bytes");
        }
    }

    public String user() {
        return user;
    }

    byte[] userBytes() {
        return user.getBytes(StandardCharsets.UTF_8);
    }

    byte[] password() {
        return password.bytes();
    }

    /** The key of the SIK: Kg when the BMC has one, else the password. */
    byte[] sikKey() {
        return Rakp.sikKey(kg == null ? null : kg.bytes(), password.bytes());
    }

    public Optional<Secret> kg() {
        return Optional.ofNullable(kg);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + Secret.MASK + (kg == null ? "" : ", kg=" + Secret.MASK) + "]";
    }
}
