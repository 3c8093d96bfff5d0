package org.memvirt.viewmodel.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.mmu.PagingMode;

/**
 * One trace played under all three paging modes: the counters of each machine before the first
 * step and after every step. Position {@code k} (0..{@link #length()}) means "after k steps".
 *
 * @param trace    the steps
 * @param counters for each mode, {@code length() + 1} rows
 */
public record CompareRecording(AccessTrace trace, Map<PagingMode, List<CounterSnapshot>> counters) {
    public CompareRecording {
        EnumMap<PagingMode, List<CounterSnapshot>> copy = new EnumMap<>(PagingMode.class);
        for (PagingMode m : PagingMode.values()) {
            List<CounterSnapshot> rows = List.copyOf(counters.get(m));
            if (rows.size() != trace.size() + 1) {
                throw new IllegalArgumentException(m.label() + " has " + rows.size() + " rows for " + trace.size()
                        + " steps");
            }
            copy.put(m, rows);
        }
        counters = java.util.Collections.unmodifiableMap(copy);
    }

    /** Builds the three machines of {@code params} and plays its trace on each. */
    public static CompareRecording of(WorkloadParams params) {
        AccessTrace trace = AccessTrace.of(params);
        EnumMap<PagingMode, List<CounterSnapshot>> rows = new EnumMap<>(PagingMode.class);
        for (PagingMode m : PagingMode.values()) {
            rows.put(m, new PagingRun(m, params).play(trace));
        }
        return new CompareRecording(trace, rows);
    }

    /** Steps in the trace. */
    public int length() {
        return trace.size();
    }

    /** The counters of {@code mode} after {@code k} steps. */
    public CounterSnapshot at(PagingMode mode, int k) {
        return counters.get(mode).get(k);
    }
}
