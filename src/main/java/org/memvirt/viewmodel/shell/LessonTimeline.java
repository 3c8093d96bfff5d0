package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.lesson.LessonPlayer;
import org.memvirt.lesson.PlayedLesson;
import org.memvirt.viewmodel.StepFrame;

/**
 * Every position of a played lesson as the views see it (the frame, the counters), worked out
 * once when the lesson opens, on the reader's thread: a lesson of 100,000 steps takes about a
 * second to go through, which the window must not spend frozen.
 *
 * @param player   the lesson's player, left at the start
 * @param frames   position 0 (before step 1) to the end
 * @param counters the running counters at each of those positions
 */
record LessonTimeline(LessonPlayer player, List<StepFrame> frames, List<CounterSnapshot> counters) {
    LessonTimeline {
        frames = List.copyOf(frames);
        counters = List.copyOf(counters);
    }

    static LessonTimeline of(PlayedLesson played) {
        LessonPlayer pl = new LessonPlayer(played);
        List<StepFrame> frames = new ArrayList<>(pl.stepCount() + 1);
        List<CounterSnapshot> counters = new ArrayList<>(pl.stepCount() + 1);
        for (int p = 0; p <= pl.stepCount(); p++) {
            pl.jumpTo(p);
            String title = pl.current().map(s -> s.step().title()).orElse("Introduction");
            frames.add(new StepFrame(p, title, pl.snapshot(), pl.shownEvents()));
            counters.add(pl.counters());
        }
        pl.jumpTo(0);
        return new LessonTimeline(pl, frames, counters);
    }
}
