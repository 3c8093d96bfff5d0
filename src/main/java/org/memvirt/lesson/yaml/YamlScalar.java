package org.memvirt.lesson.yaml;

/**
 * A YAML scalar, kept as the text the author wrote (after quoting and escapes are resolved):
 * the binder decides whether it is a number, an address, a size or words, so that
 * {@code 0x7f3a_1c40_2000} and {@code "64M"} mean what a lesson author means.
 *
 * @param start     where it starts (for a block scalar, at its {@code |} or {@code >})
 * @param end       where it ends
 * @param text      the value's text
 * @param nullValue true for an empty plain value, {@code ~} or {@code null}
 */
public record YamlScalar(Mark start, Mark end, String text, boolean nullValue) implements YamlNode {
    @Override
    public int weight() {
        return 1;
    }

    @Override
    public String kind() {
        return nullValue ? "nothing (null)" : "a value";
    }
}
