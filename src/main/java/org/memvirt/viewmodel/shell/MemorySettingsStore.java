package org.memvirt.viewmodel.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A store that forgets everything when it is dropped: for tests and for screenshot runs. */
public final class MemorySettingsStore implements SettingsStore {
    private final Map<String, String> values = new LinkedHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    /** Everything stored, for tests. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }
}
