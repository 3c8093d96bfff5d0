package org.memvirt.viewmodel.shell;

import java.util.Optional;

/**
 * Where the window keeps what it remembers between runs (size, theme, zoom, last lesson). The
 * application gives it a {@link java.util.prefs.Preferences} node; tests give a fresh map.
 */
public interface SettingsStore {

    Optional<String> get(String key);

    void put(String key, String value);

    /** Makes what was put durable, where the store can. */
    default void flush() {
    }
}
