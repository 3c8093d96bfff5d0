package org.memvirt.lesson;

/**
 * A number the lesson states and the engine must agree with.
 *
 * @param counter the counter's name ({@code walkRefs}, {@code vmExits}, {@code vmExits.EPT_VIOLATION}, ...)
 * @param value   the value
 * @param total   false: the step's own change (what {@code expect} states); true: the running total
 *                after the step ({@code expectTotal})
 * @param at      where the value is written
 */
public record Expectation(String counter, long value, boolean total, SourceLocation at) {
    /** How the lesson wrote it: "walkRefs 24" or "total walkRefs 120". */
    public String describe() {
        return (total ? "total " : "") + counter + " " + value;
    }
}
