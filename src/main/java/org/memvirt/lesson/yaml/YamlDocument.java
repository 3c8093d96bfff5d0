package org.memvirt.lesson.yaml;

import java.util.List;

/**
 * What reading a YAML text produced: the tree (null when the text could not be read at all)
 * and every problem found.
 *
 * @param root     the document's root node, or null
 * @param problems syntax errors, duplicate keys, unknown aliases, exceeded limits
 */
public record YamlDocument(YamlNode root, List<YamlProblem> problems) {
    public YamlDocument {
        problems = List.copyOf(problems);
    }
}
