package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.event.Event;
import org.memvirt.lesson.LessonPlayer;

/**
 * The event log of one position: a heading that says whose events they are (a step that only
 * explains shows those of the last step that acted) and one line per event in words.
 *
 * @param heading "Step 3 did, in order:"
 * @param lines   the events, in order
 */
record StepEvents(String heading, List<String> lines) {
    StepEvents {
        lines = List.copyOf(lines);
    }

    static StepEvents at(LessonPlayer pl, int p, List<Event> events) {
        List<String> lines = new ArrayList<>(events.size());
        EventWords words = EventWords.of(pl.played().lesson().config().mode());
        for (Event e : events) {
            lines.add(e.accept(words));
        }
        if (p == 0) {
            return new StepEvents("Nothing has happened yet.", lines);
        }
        if (pl.played().steps().get(p - 1).step().acts()) {
            return new StepEvents(events.isEmpty() ? "Step " + p + " caused no events." : "Step " + p
                    + " did, in order:", lines);
        }
        int acted = lastActed(pl, p);
        return new StepEvents(acted == 0 ? "This step only explains; nothing has run yet."
                : "This step only explains. Step " + acted + " did, in order:", lines);
    }

    /** The last step at or before {@code p} that changed the machine (0: none). */
    static int lastActed(LessonPlayer pl, int p) {
        int acted = p;
        while (acted > 0 && !pl.played().steps().get(acted - 1).step().acts()) {
            acted--;
        }
        return acted;
    }
}
