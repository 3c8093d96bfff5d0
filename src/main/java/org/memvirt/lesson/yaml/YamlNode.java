package org.memvirt.lesson.yaml;

/**
 * One node of a YAML document with the place it was written: a mapping, a sequence or a scalar.
 * Lessons are bound from this tree rather than straight to objects so that every error can name
 * the line and column of the key or value at fault.
 */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {
    /** Where the node starts. */
    Mark start();

    /** Where the node ends (just after its last character). */
    Mark end();

    /** Nodes in this subtree, counting every use of an aliased node again. */
    int weight();

    /** What kind of YAML value this is, in words, for error messages ("a mapping", "a list", "text"). */
    String kind();
}
