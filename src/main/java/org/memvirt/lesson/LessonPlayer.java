package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Event;

/**
 * Steps through a played lesson: forward, back, to any step, to a chapter, to the start or the
 * end. Every step's state was kept when the lesson was played, so each move is an index change:
 * no re-simulation, whatever the distance.
 *
 * <p>The position is a number of steps done: 0 is the machine before step 1 (the lesson's title
 * and summary), {@code n} shows step {@code n} after it ran. Moves past either end stop there.
 */
public final class LessonPlayer {
    private final PlayedLesson played;
    private final int[] chapterStarts;
    private final int[] shownStep;
    private int position;

    /** A player at the start of {@code played}. */
    public LessonPlayer(PlayedLesson played) {
        this.played = played;
        List<Chapter> chapters = played.lesson().chapters();
        this.chapterStarts = new int[chapters.size()];
        int n = 1;
        for (int c = 0; c < chapters.size(); c++) {
            chapterStarts[c] = Math.min(n, stepCount());
            n += chapters.get(c).steps().size();
        }
        this.shownStep = new int[stepCount() + 1];
        for (int p = 1; p <= stepCount(); p++) {
            shownStep[p] = played.steps().get(p - 1).step().acts() ? p : shownStep[p - 1];
        }
    }

    public PlayedLesson played() {
        return played;
    }

    public Lesson lesson() {
        return played.lesson();
    }

    /** Steps done: 0 before step 1, {@link #stepCount()} at the end. */
    public int position() {
        return position;
    }

    public int stepCount() {
        return played.steps().size();
    }

    public boolean canStepBack() {
        return position > 0;
    }

    public boolean canStepForward() {
        return position < stepCount();
    }

    public void forward() {
        jumpTo(position + 1);
    }

    public void back() {
        jumpTo(position - 1);
    }

    public void toStart() {
        jumpTo(0);
    }

    public void toEnd() {
        jumpTo(stepCount());
    }

    /** Shows step {@code n} (0: before step 1); out-of-range numbers stop at the nearest end. */
    public void jumpTo(int n) {
        position = Math.max(0, Math.min(stepCount(), n));
    }

    /** Shows the first step of chapter {@code index} (from 0). */
    public void jumpToChapter(int index) {
        if (chapterStarts.length == 0) {
            return;
        }
        jumpTo(chapterStarts[Math.max(0, Math.min(chapterStarts.length - 1, index))]);
    }

    /** The step shown, or empty before step 1. */
    public Optional<PlayedStep> current() {
        return position == 0 ? Optional.empty() : Optional.of(played.steps().get(position - 1));
    }

    /** The machine at this position. */
    public MachineSnapshot snapshot() {
        return position == 0 ? played.initial() : played.steps().get(position - 1).result().snapshot();
    }

    /** The counters at this position. */
    public CounterSnapshot counters() {
        return snapshot().counters();
    }

    /** The events of the step shown (empty before step 1 and for a step that only narrates). */
    public List<Event> events() {
        return current().map(s -> s.result().events()).orElse(List.of());
    }

    /**
     * The events the views should draw: those of the step shown or, when it only narrates, of the
     * last step that acted, so an author can talk through a walk one highlight at a time.
     */
    public List<Event> shownEvents() {
        int s = shownStep[position];
        return s == 0 ? List.of() : played.steps().get(s - 1).result().events();
    }

    /** The narration shown: the step's, or the lesson's summary before step 1. */
    public String narration() {
        return current().map(PlayedStep::narration).orElse(played.lesson().summary());
    }

    /** The question of the step shown (its explanation belongs to the result now visible). */
    public Optional<Question> question() {
        return current().map(s -> s.step().question());
    }

    /** The question to ask before {@link #forward()} shows the next step's result. */
    public Optional<Question> nextQuestion() {
        return position < stepCount() ? Optional.ofNullable(played.steps().get(position).step().question())
                : Optional.empty();
    }

    /** The chapter of the step shown (chapter 0 before step 1). */
    public int chapterIndex() {
        return current().map(s -> s.step().chapter()).orElse(0);
    }

    /** Chapters and their steps, for the outline. */
    public List<OutlineChapter> outline() {
        List<OutlineChapter> out = new ArrayList<>();
        for (Chapter c : played.lesson().chapters()) {
            List<OutlineStep> steps = new ArrayList<>();
            for (LessonStep s : c.steps()) {
                steps.add(new OutlineStep(s.number(), s.title(), s.question() != null));
            }
            out.add(new OutlineChapter(c.index(), c.title(), chapterStarts[c.index()], steps));
        }
        return out;
    }

    /**
     * A chapter in the outline.
     *
     * @param index     from 0
     * @param title     its title
     * @param firstStep the number of its first step
     * @param steps     its steps
     */
    public record OutlineChapter(int index, String title, int firstStep, List<OutlineStep> steps) {
        public OutlineChapter {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A step in the outline.
     *
     * @param number      from 1
     * @param title       its title
     * @param hasQuestion whether it asks a question first
     */
    public record OutlineStep(int number, String title, boolean hasQuestion) {
    }
}
