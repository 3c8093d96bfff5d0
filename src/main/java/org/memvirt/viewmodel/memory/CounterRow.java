package org.memvirt.viewmodel.memory;

/**
 * One counter with its change since the previous step.
 *
 * @param name  the counter's name as DESIGN.md spells it ({@code hostFramesFree})
 * @param label what the panel prints
 * @param value its value now
 * @param delta the change since the previous step (0 when unknown)
 * @param hint  what it counts (the tooltip)
 */
public record CounterRow(String name, String label, long value, long delta, String hint) {

    /** The value, thousands grouped. */
    public String valueText() {
        return Numbers.count(value);
    }

    /** "+12", "−3", or empty when unchanged. */
    public String deltaText() {
        if (delta == 0) {
            return "";
        }
        return (delta > 0 ? "+" : "−") + Numbers.count(Math.abs(delta));
    }
}
