package org.memvirt.viewmodel.compare;

import org.memvirt.engine.event.CounterSnapshot;

/** What the chart plots over the trace, cumulatively. */
public enum ChartMetric {
    CYCLES("Estimated cycles", "cycles"),
    REFERENCES("Walk references", "references"),
    VM_EXITS("VM exits", "VM exits");

    private final String title;
    private final String unit;

    ChartMetric(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    /** The value of this metric in {@code c} under {@code costs}. */
    public long of(CounterSnapshot c, CostModel costs) {
        return switch (this) {
            case CYCLES -> costs.cycles(c);
            case REFERENCES -> c.walkRefs();
            case VM_EXITS -> c.totalVmExits();
        };
    }
}
