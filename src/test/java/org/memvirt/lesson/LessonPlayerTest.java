package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.event.Translated;

/** The player moves over a played history: every move is an index change, nothing re-runs. */
class LessonPlayerTest {
    private static final String LESSON = """
            title: Player
            summary: Before the first step.
            machine:
              mode: nested
              vms:
                - {name: guest, memory: 64M, processes: [app]}
            initial:
              mappings:
                - {gva: 0x7f00_0000_0000, count: 2}
            chapters:
              - title: First
                steps:
                  - title: A read
                    read: 0x7f00_0000_0010
                    narration: "{walkRefs} references"
                  - title: About it
                    narration: "It went to {hpa}, in {walkRefs} references."
                    highlight: [ref.1-4, guest.PML4, walkRefs, data, cr3, gva, walk]
              - title: Second
                steps:
                  - read: 0x7f00_0000_1010
                    question: {prompt: "How many?", choices: ["0", "24"], answer: "24", explain: "{walkRefs}: a miss."}
                    narration: "{walkRefs} again"
                  - switchTo: app
                    narration: "CR3 = {cr3}"
            """;

    private final LessonPlayer player = new LessonPlayer(load());

    private static PlayedLesson load() {
        LessonLoad load = new LessonLoader().load("player.yaml", LESSON, AssetFolder.none());
        assertEquals(List.of(), load.allProblems());
        return load.played();
    }

    @Test
    void startsBeforeTheFirstStep() {
        assertEquals(0, player.position());
        assertEquals(4, player.stepCount());
        assertFalse(player.canStepBack());
        assertTrue(player.canStepForward());
        assertEquals("Before the first step.", player.narration());
        assertSame(player.played().initial(), player.snapshot());
        assertEquals(List.of(), player.events());
        assertTrue(player.current().isEmpty());
    }

    @Test
    void stepsForwardAndBack() {
        player.forward();
        assertEquals(1, player.position());
        assertEquals("24 references", player.narration());
        assertEquals(24, player.counters().walkRefs());
        player.forward();
        player.back();
        assertEquals(1, player.position());
        player.back();
        player.back();
        assertEquals(0, player.position());
    }

    @Test
    void aStepThatOnlyNarratesShowsTheWalkItTalksAbout() {
        player.jumpTo(2);
        assertEquals(List.of(), player.events());
        assertSame(player.played().steps().get(0).result().events(), player.shownEvents());
        Translated t = (Translated) player.shownEvents().stream().filter(Translated.class::isInstance).findFirst()
                .orElseThrow();
        assertTrue(player.narration().startsWith("It went to " + Hex.address(t.hpa()) + ", in 24 references."));
        assertSame(player.played().steps().get(0).result().snapshot(), player.snapshot());
        assertEquals(List.of(new Highlight.References(1, 4), new Highlight.Level(
                org.memvirt.engine.event.Dimension.GUEST, 4), new Highlight.Counter("walkRefs"), new Highlight.Data(),
                new Highlight.Register("cr3"), new Highlight.AddressSplit(), new Highlight.View("walk")),
                player.current().orElseThrow().step().highlights());
    }

    @Test
    void jumpsToChaptersAndEnds() {
        player.jumpToChapter(1);
        assertEquals(3, player.position());
        assertEquals(1, player.chapterIndex());
        player.toEnd();
        assertEquals(4, player.position());
        assertFalse(player.canStepForward());
        player.toStart();
        assertEquals(0, player.position());
        player.jumpTo(99);
        assertEquals(4, player.position());
        player.jumpTo(-3);
        assertEquals(0, player.position());
        player.jumpToChapter(7);
        assertEquals(3, player.position());
    }

    @Test
    void asksTheQuestionBeforeShowingTheStep() {
        player.jumpTo(2);
        Question q = player.nextQuestion().orElseThrow();
        assertEquals(List.of("0", "24"), q.choices());
        assertEquals(1, q.answerIndex());
        assertTrue(q.isRight(" 24 "));
        assertFalse(q.isRight("0"));
        player.forward();
        assertEquals("24: a miss.", player.current().orElseThrow().explanation());
        assertEquals("How many?", player.current().orElseThrow().prompt());
        assertTrue(player.nextQuestion().isEmpty());
    }

    @Test
    void theOutlineListsChaptersAndSteps() {
        List<LessonPlayer.OutlineChapter> outline = player.outline();
        assertEquals(2, outline.size());
        assertEquals("First", outline.get(0).title());
        assertEquals(List.of("A read", "About it"), outline.get(0).steps().stream()
                .map(LessonPlayer.OutlineStep::title).toList());
        assertEquals(3, outline.get(1).firstStep());
        assertEquals("read 0x0000_7f00_0000_1010", outline.get(1).steps().get(0).title());
        assertTrue(outline.get(1).steps().get(0).hasQuestion());
        assertEquals("switch CR3 to process app", outline.get(1).steps().get(1).title());
    }
}
