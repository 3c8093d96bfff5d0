package org.memvirt.engine;

import org.memvirt.engine.event.CounterSnapshot;

/**
 * What a {@code walk} run measured.
 *
 * @param spec              what was run
 * @param counters          the counters after the run
 * @param accessesPerSecond accesses per second of wall time in counting mode (setup excluded)
 */
public record WalkReport(WalkSpec spec, CounterSnapshot counters, double accessesPerSecond) {
}
