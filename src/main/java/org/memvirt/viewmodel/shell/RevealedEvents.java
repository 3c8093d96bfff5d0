package org.memvirt.viewmodel.shell;

import java.util.List;

import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.viewmodel.TranslationWalk;

/**
 * How far into a step's events the walk animation has got: the events of the accesses before the
 * one on screen, the earlier attempts of that access (the walk that exited, the exit, the fix), and
 * of its last attempt every event up to the reference just lit (the TLB miss before reference 1,
 * the result after the last one), as the walk screen's own event log reveals them.
 */
final class RevealedEvents {
    private RevealedEvents() {
    }

    /**
     * @param stepEvents the events the step shows
     * @param walk       the access on screen (its events are some of {@code stepEvents}, in order)
     * @param lit        how many references of its last attempt are lit
     * @return how many of {@code stepEvents} have happened on screen; all of them when the access is
     *         not among them
     */
    static int count(List<Event> stepEvents, TranslationWalk walk, int lit) {
        List<Event> events = walk.events();
        int offset = events.isEmpty() ? -1 : indexOf(stepEvents, events.get(0));
        if (offset < 0) {
            return CountersViewModel.ALL;
        }
        int start = walk.lastAttemptStart();
        int references = 0;
        int revealed = 0;
        for (int i = 0; i < events.size(); i++) {
            if (i >= start && events.get(i) instanceof WalkStep) {
                references++;
            }
            if (i >= start && references > lit) {
                break;
            }
            revealed++;
        }
        return offset + revealed;
    }

    /** The index of this very event (not an equal one) in {@code events}; -1 when absent. */
    private static int indexOf(List<Event> events, Event e) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == e) {
                return i;
            }
        }
        return -1;
    }
}
