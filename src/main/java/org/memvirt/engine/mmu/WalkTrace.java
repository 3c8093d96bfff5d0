package org.memvirt.engine.mmu;

import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.WalkStep;

/**
 * The bookkeeping of one access's walk: counts each reference in the counters and, when the
 * sink records, emits it as a {@link WalkStep} numbered in hardware order.
 */
final class WalkTrace {
    private final Counters counters;
    private EventSink sink;
    private int vm;
    private int references;

    WalkTrace(Counters counters) {
        this.counters = counters;
    }

    void start(int vmId, EventSink eventSink) {
        this.vm = vmId;
        this.sink = eventSink;
        this.references = 0;
    }

    int references() {
        return references;
    }

    EventSink sink() {
        return sink;
    }

    /** Records one entry read. */
    void reference(Dimension dimension, int level, int forGuestLevel, long table, int index, long entry,
                   boolean present) {
        references++;
        counters.reference(dimension);
        if (sink.recording()) {
            sink.emit(new WalkStep(vm, dimension, level, forGuestLevel, table, index, table + 8L * index, entry,
                    present, references));
        }
    }
}
