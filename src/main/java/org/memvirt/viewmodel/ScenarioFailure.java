package org.memvirt.viewmodel;

/**
 * A walk scenario that cannot run as configured (not enough memory, an address that is not
 * canonical, ...). The message is written for the window: plain words, no stack trace.
 */
public final class ScenarioFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure explained by {@code message}. */
    public ScenarioFailure(String message) {
        super(message);
    }

    /** A failure explained by {@code message}, caused by an engine exception. */
    public ScenarioFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
