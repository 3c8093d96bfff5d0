package org.memvirt.lesson.yaml;

/**
 * Something wrong with the YAML text itself: its syntax, or one of the reader's limits.
 *
 * @param at      where
 * @param message what, in words
 */
public record YamlProblem(Mark at, String message) {
}
