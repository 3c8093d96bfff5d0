package org.memvirt.viewmodel.compare;

import java.util.EnumMap;
import java.util.Map;

import org.memvirt.engine.mmu.PagingMode;

/**
 * The chart's data: one cumulative series per paging mode, a value for every position of the
 * trace, and the largest value at the end.
 *
 * @param metric what is plotted
 * @param series for each mode, {@code length + 1} values
 * @param max    the largest final value of the three (at least 1)
 */
public record ChartData(ChartMetric metric, Map<PagingMode, long[]> series, long max) {

    /** The chart of {@code metric} over {@code recording} under {@code costs}. */
    public static ChartData of(CompareRecording recording, ChartMetric metric, CostModel costs) {
        Map<PagingMode, long[]> series = new EnumMap<>(PagingMode.class);
        long max = 1;
        for (PagingMode m : PagingMode.values()) {
            long[] values = new long[recording.length() + 1];
            for (int k = 0; k < values.length; k++) {
                values[k] = metric.of(recording.at(m, k), costs);
            }
            max = Math.max(max, values[values.length - 1]);
            series.put(m, values);
        }
        return new ChartData(metric, series, max);
    }

    /** Positions 0..length. */
    public int length() {
        return series.get(PagingMode.NATIVE).length - 1;
    }

    /** The value of {@code mode} after {@code k} steps. */
    public long value(PagingMode mode, int k) {
        return series.get(mode)[k];
    }
}
