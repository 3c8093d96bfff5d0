package org.memvirt.viewmodel.shell;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Settings in a {@link Preferences} node (the user's, under the application's name). */
public final class PreferencesStore implements SettingsStore {
    private final Preferences node;

    public PreferencesStore(Preferences node) {
        this.node = node;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(node.get(key, null));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String value) {
        try {
            node.put(key, value);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // a removed node or an over-long value: not remembering is better than failing
        }
    }

    @Override
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // the preferences are a convenience; the window works without them
        }
    }
}
