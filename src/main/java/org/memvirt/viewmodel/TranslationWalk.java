package org.memvirt.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.WalkStep;

/**
 * The recorded translation of one access, as the walk screen shows it: every event of the step
 * in hardware order, what happened before it (cache warm-up, a first access), and the counters
 * around it. When the access exited to the hypervisor and was retried, the grid shows the last
 * attempt; the earlier ones stay in {@link #events()}.
 *
 * @param settings       what was asked for
 * @param preamble       plain-English lines about the accesses made before this one
 * @param events         the events of the access, in order
 * @param countersBefore the machine's counters before the access
 * @param countersAfter  the machine's counters after it
 */
public record TranslationWalk(WalkSettings settings, List<String> preamble, List<Event> events,
                              CounterSnapshot countersBefore, CounterSnapshot countersAfter) {

    public TranslationWalk {
        preamble = List.copyOf(preamble);
        events = List.copyOf(events);
    }

    /**
     * Index in {@link #events()} where the last attempt starts: after the last VM entry that the
     * access was retried from. An entry that injects a fault is not followed by a retry (the guest's
     * handler runs instead), so the walk before it stays the last attempt.
     */
    public int lastAttemptStart() {
        List<WalkAttempt> all = attempts();
        return all.get(all.size() - 1).from();
    }

    /** Every try of the access, the one that faulted and the retry after the hypervisor's fix-up. */
    public List<WalkAttempt> attempts() {
        return WalkAttempt.of(events);
    }

    /** The events of the last attempt. */
    public List<Event> lastAttempt() {
        return events.subList(lastAttemptStart(), events.size());
    }

    /** The memory references of the last attempt, in hardware order (reference 1 first). */
    public List<WalkStep> references() {
        List<WalkStep> refs = new ArrayList<>();
        for (Event e : lastAttempt()) {
            if (e instanceof WalkStep w) {
                refs.add(w);
            }
        }
        return List.copyOf(refs);
    }

    /** The completed translation, when the access completed. */
    public Optional<Translated> result() {
        for (Event e : lastAttempt()) {
            if (e instanceof Translated t) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
