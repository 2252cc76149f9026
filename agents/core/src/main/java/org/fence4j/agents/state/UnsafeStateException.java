package org.fence4j.agents.state;

import java.io.IOException;

/**
 * A state or lock directory, or a file in it, that someone other than fence4j's user could
 * change: a configuration error (fence-cli exits 2), refused before any power command.
 */
public final class UnsafeStateException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsafeStateException(String message) {
        super(message);
    }
}
