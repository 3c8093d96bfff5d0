package org.memvirt.lesson.yaml;

/**
 * What a YAML text may ask of the reader, so that no file can exhaust memory or the stack:
 * nesting depth, nodes after alias expansion, aliases, and the length of one value.
 *
 * @param maxDepth       mappings and lists nested at most this deep
 * @param maxNodes       nodes in the document, each use of an alias counting its whole subtree
 * @param maxAliases     uses of {@code *alias} in the document
 * @param maxScalarChars characters in one value
 */
public record YamlLimits(int maxDepth, int maxNodes, int maxAliases, int maxScalarChars) {
    /** Limits for lesson files: generous for a 200,000-step lesson, small enough to be safe. */
    public static final YamlLimits LESSONS = new YamlLimits(32, 2_000_000, 256, 65_536);
}
