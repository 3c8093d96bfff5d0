package org.memvirt.viewmodel.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.FaultVisibility;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.lesson.CounterNames;

/**
 * What a run of events adds to the counters that events tell one by one (walk references by
 * dimension, TLB hits and misses, faults, VM exits by reason, swaps, copy-on-write breaks), under
 * the counters' names. The counters panel uses it to let a counter grow only as the walk
 * animation reaches the event that grows it; a counter whose step total the events do not
 * account for exactly (the engine counts it where no event is recorded) is not told this way.
 */
final class EventTally {
    private final Map<String, Long> added = new HashMap<>();

    /** The tally of {@code events}. */
    static EventTally of(List<Event> events) {
        EventTally t = new EventTally();
        for (Event e : events) {
            t.add(e);
        }
        return t;
    }

    /** What the events added to counter {@code name} (0 when nothing or it is not told by events). */
    long added(String name) {
        return added.getOrDefault(name, 0L);
    }

    private void add(Event e) {
        if (e instanceof WalkStep w) {
            bump("walkRefs");
            bump(switch (w.dimension()) {
                case GUEST -> "guestRefs";
                case HOST -> "hostRefs";
                case SHADOW -> "shadowRefs";
                case NATIVE -> "nativeRefs";
            });
        } else if (e instanceof TlbLookup t && t.cache() == CacheKind.TLB) {
            bump(t.outcome() == LookupOutcome.MISS ? "tlbMisses" : "tlbHits");
        } else if (e instanceof GuestPageFault f) {
            bump(f.visibility() == FaultVisibility.DELIVERED ? "guestFaults" : "hiddenFaults");
        } else if (e instanceof VmExit x) {
            bump(CounterNames.VM_EXITS);
            bump(CounterNames.VM_EXITS + "." + x.reason().name());
        } else if (e instanceof SwapOut) {
            bump("swapOuts");
        } else if (e instanceof SwapIn) {
            bump("swapIns");
        } else if (e instanceof CowBreak) {
            bump("cowBreaks");
        }
    }

    private void bump(String name) {
        added.merge(name, 1L, Long::sum);
    }
}
