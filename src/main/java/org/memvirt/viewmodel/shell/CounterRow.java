package org.memvirt.viewmodel.shell;

/**
 * One counter in the counters panel.
 *
 * @param name        the DESIGN.md name ({@code walkRefs}, {@code vmExits.EPT_VIOLATION})
 * @param value       its running total at this step
 * @param delta       how much this step added
 * @param highlighted whether the step points at it
 * @param charted     whether the chart draws it
 */
public record CounterRow(String name, long value, long delta, boolean highlighted, boolean charted) {
    /** "+24", "−1", or empty when the step did not change it. */
    public String deltaText() {
        return delta == 0 ? "" : delta > 0 ? "+" + delta : "−" + (-delta);
    }
}
