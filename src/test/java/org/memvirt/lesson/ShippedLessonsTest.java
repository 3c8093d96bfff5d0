package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memvirt.engine.MachineSnapshot;

/**
 * Every lesson that ships is sound: it loads without errors, every expectation holds, it has
 * 10 to 60 steps, its narration is filled, and stepping forward k and back k returns exactly
 * the state the machine had at that point when it was live.
 */
class ShippedLessonsTest {

    static Stream<Path> lessons() {
        return ShippedLessons.stream();
    }

    @Test
    void theLessonSetIsThere() {
        List<String> names = ShippedLessons.files().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.size() >= 7, names.toString());
        assertTrue(names.contains("02-nested-walk.yaml"), "the app opens lessons/02-nested-walk.yaml by default");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void passesCheckAndEveryExpectationHolds(Path file) {
        LessonLoad load = new LessonLoader().load(file);
        assertEquals(List.of(), load.allProblems());
        assertTrue(load.passes());
        Lesson lesson = load.played().lesson();
        assertTrue(lesson.stepCount() >= 10 && lesson.stepCount() <= 60, lesson.stepCount() + " steps");
        assertTrue(lesson.steps().stream().anyMatch(s -> s.question() != null), "asks at least one question");
        assertTrue(lesson.steps().stream().anyMatch(s -> !s.expectations().isEmpty()), "states expectations");
        for (PlayedStep s : load.played().steps()) {
            assertFalse(s.narration().isBlank() && s.step().question() == null,
                    "step " + s.step().number() + " says nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void loadsTheSameFromTheClassPathStyleStream(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            LessonLoad load = new LessonLoader().load(file.toString(), in, AssetFolder.directory(file.getParent()));
            assertTrue(load.passes(), load.allProblems().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void forwardKThenBackKReturnsTheLiveState(Path file) throws Exception {
        List<StateFingerprint> live = new ArrayList<>();
        LessonLoad load = new LessonLoader().load(file.toString(), Files.readString(file),
                AssetFolder.directory(file.getParent()), (position, snapshot) -> {
                    assertEquals(live.size(), (int) position);
                    live.add(StateFingerprint.of(snapshot));
                });
        assertTrue(load.passes(), load.allProblems().toString());
        LessonPlayer player = new LessonPlayer(load.played());
        int n = player.stepCount();
        assertEquals(n + 1, live.size());
        Map<MachineSnapshot, StateFingerprint> now = new IdentityHashMap<>();
        for (int p = 0; p <= n; p++) {
            player.jumpTo(p);
            StateFingerprint f = StateFingerprint.of(player.snapshot());
            assertEquals(live.get(p), f, "the state after step " + p + " changed after later steps ran");
            now.put(player.snapshot(), f);
        }
        for (int start = 0; start <= n; start++) {
            for (int k : new int[] {1, 2, 5, n}) {
                player.jumpTo(start);
                int moved = 0;
                for (int i = 0; i < k && player.canStepForward(); i++) {
                    player.forward();
                    moved++;
                }
                assertEquals(live.get(start + moved), now.get(player.snapshot()));
                for (int i = 0; i < moved; i++) {
                    player.back();
                }
                assertEquals(start, player.position());
                assertEquals(live.get(start), now.get(player.snapshot()),
                        "forward " + k + " then back " + k + " from step " + start);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void everyPlaceholderIsFilled(Path file) {
        LessonLoad load = new LessonLoader().load(file);
        for (PlayedStep s : load.played().steps()) {
            for (String text : List.of(s.narration(), s.prompt(), s.explanation())) {
                for (String name : StepFacts.allNames()) {
                    assertFalse(text.contains("{" + name + "}"), "step " + s.step().number() + " shows {" + name + "}");
                }
            }
        }
    }
}
