package org.memvirt.lesson.yaml;

import java.util.List;

/**
 * A YAML mapping, keys in the order written (duplicates already reported and dropped).
 *
 * @param start   where the mapping starts
 * @param end     where it ends
 * @param entries its entries
 * @param weight  nodes in this subtree
 */
public record YamlMap(Mark start, Mark end, List<Entry> entries, int weight) implements YamlNode {
    public YamlMap {
        entries = List.copyOf(entries);
    }

    /** The entry for {@code key}, or null. */
    public Entry entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** The value for {@code key}, or null when the key is absent. */
    public YamlNode get(String key) {
        Entry e = entry(key);
        return e == null ? null : e.value();
    }

    @Override
    public String kind() {
        return "a mapping";
    }

    /**
     * One key and its value.
     *
     * @param key      the key's text
     * @param keyStart where the key is written
     * @param value    the value
     */
    public record Entry(String key, Mark keyStart, YamlNode value) {
    }
}
