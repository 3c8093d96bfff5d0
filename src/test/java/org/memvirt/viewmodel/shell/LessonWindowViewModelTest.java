package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memvirt.viewmodel.StepFrame;

/** The lesson window without a toolkit: opening, stepping, jumping, playing (given / when / then). */
class LessonWindowViewModelTest {

    @Test
    void aFreshWindowOpensTheNestedWalkAtItsIntroduction() {
        ShellRig r = ShellRig.withNestedWalk();
        LessonWindowViewModel vm = r.vm;

        assertEquals("The 2D walk: why 24 references, not 16", vm.titleProperty().get());
        assertEquals(0, vm.positionProperty().get());
        assertEquals(13, vm.stepCountProperty().get());
        assertEquals("introduction · 13 steps", vm.step().placeProperty().get());
        assertFalse(vm.canStepBackBinding().get());
        assertTrue(vm.canStepForwardBinding().get());
        assertEquals(4, vm.outline().size());
        assertEquals(14, vm.frames().size(), "a frame per position, 0 to the end");
        assertTrue(vm.step().narrationProperty().get().contains("guest-physical"), "the lesson's summary");
        assertTrue(r.vm.library().lessons().size() >= 7, "the shipped lessons are listed");
        assertTrue(vm.library().errors().isEmpty());
    }

    @Test
    void steppingToTheEndAndBackVisitsEveryStepBothWays() {
        LessonWindowViewModel vm = ShellRig.withNestedWalk().vm;
        List<String> forward = new ArrayList<>();
        while (vm.canStepForwardBinding().get()) {
            vm.stepForward();
            forward.add(vm.step().titleProperty().get() + "|" + vm.step().narrationProperty().get());
        }
        assertEquals(13, vm.positionProperty().get());
        assertEquals("step 13 of 13", vm.step().placeProperty().get());
        assertFalse(vm.canStepForwardBinding().get());

        List<String> back = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            back.add(0, vm.step().titleProperty().get() + "|" + vm.step().narrationProperty().get());
            vm.stepBack();
        }
        back.add(0, vm.step().titleProperty().get() + "|" + vm.step().narrationProperty().get());
        assertEquals(forward, back, "forward k then back k shows the same steps");
        vm.stepBack();
        assertEquals(0, vm.positionProperty().get());
        assertFalse(vm.canStepBackBinding().get());
    }

    @ParameterizedTest(name = "jump to {0} shows step {1}")
    @CsvSource({"0, 0", "5, 5", "13, 13", "99, 13", "-4, 0"})
    void scrubbingJumpsAndClamps(int target, int shown) {
        LessonWindowViewModel vm = ShellRig.withNestedWalk().vm;
        vm.jumpTo(target);
        assertEquals(shown, vm.positionProperty().get());
        StepFrame f = vm.frameProperty().get();
        assertEquals(shown, f.index());
    }

    @Test
    void chapterJumpsLandOnEachChaptersFirstStep() {
        LessonWindowViewModel vm = ShellRig.withNestedWalk().vm;
        vm.jumpToChapter(2);
        assertEquals(9, vm.positionProperty().get());
        assertEquals(2, vm.chapterIndexProperty().get());
        assertEquals("The same page", vm.step().titleProperty().get());
        vm.jumpToChapter(1);
        assertEquals(3, vm.positionProperty().get());
        vm.jumpToChapter(40);
        assertEquals(13, vm.positionProperty().get(), "past the last chapter: the last one");
    }

    @Test
    void playRunsToTheEndAndStops() {
        ShellRig r = ShellRig.withNestedWalk();
        r.presenter.playStopsAtQuestionsProperty().set(false);
        LessonWindowViewModel vm = r.vm;
        vm.play();
        assertTrue(vm.playingProperty().get());
        int beats = 0;
        while (vm.playingProperty().get() && beats++ < 100) {
            vm.tick();
        }
        assertFalse(vm.playingProperty().get());
        assertEquals(13, vm.positionProperty().get());
        vm.play();
        assertEquals(0, vm.positionProperty().get(), "Play at the end starts over");
    }

    @Test
    void theWalkOfAReadLightsItsReferencesOneByOne() {
        ShellRig r = ShellRig.withNestedWalk();
        r.vm.stepForward();
        r.vm.stepForward();
        LessonWalkViewModel walk = r.vm.walk();
        assertEquals(24, walk.walk().referenceCountProperty().get());
        assertTrue(walk.animatingProperty().get(), "one step forward animates");
        assertEquals(0, walk.walk().positionProperty().get());
        int ticks = 0;
        while (walk.animatingProperty().get()) {
            walk.tick();
            ticks++;
        }
        assertEquals(24, ticks);
        assertEquals(24, walk.walk().positionProperty().get());
    }

    @Test
    void aStepAboutSomeReferencesStopsThereAndJumpsDoNotAnimate() {
        ShellRig r = ShellRig.withNestedWalk();
        r.vm.jumpTo(5);
        LessonWalkViewModel walk = r.vm.walk();
        assertFalse(walk.animatingProperty().get(), "a jump draws at once");
        assertEquals(10, walk.walk().positionProperty().get(), "References 6–10 ends at 10");
        assertEquals("This step is about references 6–10.", walk.noteProperty().get());
        r.vm.stepForward();
        assertTrue(walk.animatingProperty().get());
        assertEquals(10, walk.walk().positionProperty().get(), "References 11–20 starts after 10");
        walk.finishAnimation();
        assertEquals(20, walk.walk().positionProperty().get());
    }

    @Test
    void fastSpeedDrawsEachStepFinished() {
        ShellRig r = ShellRig.withNestedWalk();
        r.presenter.speedProperty().set(Speed.FAST);
        r.stepTo(2);
        assertFalse(r.vm.walk().animatingProperty().get());
        assertEquals(24, r.vm.walk().walk().positionProperty().get());
        assertEquals(250, r.vm.millisOnStep());
        assertEquals(0, r.vm.millisPerReference());
    }

    @Test
    void theEventLogNamesTheStepsEventsInWords() {
        ShellRig r = ShellRig.withNestedWalk();
        r.stepTo(2);
        List<String> log = r.vm.step().eventLog();
        assertTrue(log.get(0).startsWith("TLB miss"), log.get(0));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("#24 EPT PT[")), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Translated → hPA")));
        assertEquals("Step 2 did, in order:", r.vm.step().eventHeadingProperty().get());
        r.vm.stepForward();
        assertEquals("This step only explains. Step 2 did, in order:", r.vm.step().eventHeadingProperty().get());
    }

    @Test
    void countersShowTotalsAndWhatTheStepAdded() {
        ShellRig r = ShellRig.withNestedWalk();
        r.stepTo(2);
        r.vm.walk().finishAnimation();
        CounterRow walkRefs = r.vm.counters().rows().stream().filter(c -> c.name().equals("walkRefs")).findFirst()
                .orElseThrow();
        assertEquals(24, walkRefs.value());
        assertEquals("+24", walkRefs.deltaText());
        assertTrue(walkRefs.highlighted(), "the step highlights walkRefs");
        assertEquals(List.of("guestRefs", "hostRefs", "walkRefs"), r.vm.counters().charted());
        r.vm.stepForward();
        long[] perStep = r.vm.counters().series("walkRefs");
        assertEquals(4, perStep.length, "up to the step on screen");
        assertEquals(24, perStep[2]);
        assertEquals(0, perStep[3]);
        r.vm.counters().runningTotalProperty().set(true);
        assertEquals(24, r.vm.counters().series("walkRefs")[3]);
        r.vm.counters().toggleCharted("walkRefs");
        assertEquals(List.of("guestRefs", "hostRefs"), r.vm.counters().charted());
    }

    private static void playUntilItStops(LessonWindowViewModel vm) {
        vm.play();
        for (int beats = 0; vm.playingProperty().get() && beats < 100; beats++) {
            vm.tick();
        }
        assertFalse(vm.playingProperty().get());
    }

    @Test
    void playStopsAtEveryQuestionNotAnsweredYet() {
        ShellRig r = ShellRig.withNestedWalk();
        playUntilItStops(r.vm);
        assertEquals(1, r.vm.positionProperty().get(), "the question of step 1 is open");
        assertEquals(QuestionViewModel.Phase.PREDICT, r.vm.question().phaseProperty().get());
        int stops = 1;
        int last = 1;
        while (r.vm.positionProperty().get() < 13) {
            playUntilItStops(r.vm);
            int p = r.vm.positionProperty().get();
            assertTrue(p > last, "Play goes on from a question when asked again");
            assertTrue(p == 13 || r.vm.question().phaseProperty().get() == QuestionViewModel.Phase.PREDICT,
                    "it stopped at " + p + " for a question");
            last = p;
            stops++;
        }
        assertTrue(stops > 2, "the lesson has several questions: " + stops + " stops");
    }

    @Test
    void playPassesAQuestionAlreadyAnswered() {
        ShellRig r = ShellRig.withNestedWalk();
        r.vm.stepForward();
        r.vm.question().reveal();
        r.vm.toStart();
        playUntilItStops(r.vm);
        assertTrue(r.vm.positionProperty().get() > 1, "step 1's question is answered: Play goes past it");
    }

    private static long shown(LessonWindowViewModel vm, String counter) {
        return vm.counters().rows().stream().filter(row -> row.name().equals(counter)).findFirst().orElseThrow().value();
    }

    @Test
    void countersGrowAsTheAnimationReachesEachReference() {
        ShellRig r = ShellRig.withNestedWalk();
        r.vm.stepForward();
        long before = shown(r.vm, "walkRefs");
        long guestBefore = shown(r.vm, "guestRefs");
        r.vm.stepForward();
        LessonWalkViewModel walk = r.vm.walk();
        assertTrue(walk.animatingProperty().get());
        assertEquals(before, shown(r.vm, "walkRefs"), "nothing read yet");
        for (int i = 0; i < 10; i++) {
            walk.tick();
        }
        assertEquals(before + 10, shown(r.vm, "walkRefs"), "at reference 10 of 24, 10 references");
        assertEquals(10, r.vm.counters().rows().stream().filter(row -> row.name().equals("walkRefs")).findFirst()
                .orElseThrow().delta());
        assertTrue(shown(r.vm, "guestRefs") - guestBefore < 4, "the guest walk is not over");
        walk.finishAnimation();
        assertEquals(before + 24, shown(r.vm, "walkRefs"));
        r.vm.stepBack();
        r.vm.jumpTo(2);
        assertEquals(before + 24, shown(r.vm, "walkRefs"), "a jump draws the step done");
    }

    @Test
    void theChartHasNothingPastTheStepOnScreen() {
        ShellRig r = ShellRig.withNestedWalk();
        r.vm.stepForward();
        long[] atQuestion = r.vm.counters().series("walkRefs");
        assertEquals(2, atQuestion.length, "positions 0 and 1 only");
        assertTrue(java.util.Arrays.stream(atQuestion).max().orElse(0) < 24, "no spike that answers 16 or 24");
        r.vm.stepForward();
        r.vm.walk().finishAnimation();
        long[] after = r.vm.counters().series("walkRefs");
        assertEquals(3, after.length);
        assertEquals(24, after[2], "step 2 added 24");
        r.vm.toEnd();
        assertEquals(14, r.vm.counters().series("walkRefs").length, "at the end, the whole lesson");
    }
}
