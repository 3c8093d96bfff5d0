package org.memvirt.lesson.yaml;

import java.util.List;

/**
 * A YAML sequence.
 *
 * @param start  where it starts
 * @param end    where it ends
 * @param items  its items in order
 * @param weight nodes in this subtree
 */
public record YamlSeq(Mark start, Mark end, List<YamlNode> items, int weight) implements YamlNode {
    public YamlSeq {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "a list";
    }
}
