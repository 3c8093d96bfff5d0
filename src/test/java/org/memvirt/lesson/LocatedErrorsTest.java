package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of mistake an author can make is reported at the line and column to change, with a
 * message that says what is wrong (and, for a misspelt name, what was probably meant).
 */
class LocatedErrorsTest {
    /** A small valid lesson; each test changes one line of it. */
    static final String BASE = """
            title: Errors
            machine:
              mode: nested
              vms:
                - {name: guest, memory: 64M, processes: [app, daemon]}
            initial:
              mappings:
                - {gva: 0x7f00_0000_0000, count: 2}
            chapters:
              - title: One
                steps:
                  - read: 0x7f00_0000_0010
                    narration: "{walkRefs} references to {hpa}"
                    expect: {walkRefs: 24}
                  - switchTo: daemon
            """;

    private static List<String> errors(String text) {
        LessonLoad load = new LessonLoader().load("l.yaml", text, AssetFolder.none());
        return load.allProblems().stream().map(LessonError::toString).toList();
    }

    private static String replace(String from, String to) {
        assertTrue(BASE.contains(from), from);
        return BASE.replace(from, to);
    }

    private static void assertOnly(String expected, String text) {
        assertEquals(List.of(expected), errors(text));
    }

    @Test
    void theBaseLessonIsSound() {
        LessonLoad load = new LessonLoader().load("l.yaml", BASE, AssetFolder.none());
        assertEquals(List.of(), load.allProblems());
        assertTrue(load.passes());
    }

    @Test
    void yamlSyntax() {
        assertOnly("l.yaml:6:1: YAML syntax: expected ',' or '}', but got <scalar> (while parsing a flow mapping "
                        + "that starts at 5:7)",
                replace("processes: [app, daemon]}", "processes: [app, daemon]"));
    }

    @Test
    void aTabIndentsNothing() {
        assertOnly("l.yaml:3:1: YAML syntax: a tab character cannot indent YAML; indent with spaces",
                replace("  mode: nested", "\tmode: nested"));
    }

    @Test
    void unknownKeyWithDidYouMean() {
        assertOnly("l.yaml:13:9: unknown key 'narraton' in a step; did you mean 'narration'?",
                replace("narration:", "narraton:"));
    }

    @Test
    void unknownKeyWithoutAnyNearName() {
        assertOnly("l.yaml:4:3: unknown key 'colour' in the machine (docs/lesson-format.md lists what is allowed)",
                replace("  mode: nested", "  mode: nested\n  colour: blue"));
    }

    @Test
    void unknownAction() {
        assertOnly("l.yaml:12:9: unknown key 'reed' in a step; did you mean 'read'?",
                replace("- read: 0x7f00_0000_0010", "- reed: 0x7f00_0000_0010"));
    }

    @Test
    void wrongType() {
        assertOnly("l.yaml:8:38: 'count' must be a whole number, not 'two'",
                replace("count: 2}", "count: two}"));
    }

    @Test
    void aMappingWhereAValueBelongs() {
        assertOnly("l.yaml:3:9: 'mode' must be a single value, not a mapping",
                replace("mode: nested", "mode: {nested: true}"));
    }

    @Test
    void aValueOutOfItsRange() {
        assertOnly("l.yaml:4:16: 'guestLevels' must be 4 or 5, not 6",
                replace("  mode: nested", "  mode: nested\n  guestLevels: 6"));
    }

    @Test
    void aNonCanonicalAddress() {
        assertOnly("l.yaml:12:15: 'gva' 0x0000_8000_0000_0010 is not canonical for 4-level paging: bits 63..47 "
                        + "must all equal bit 47",
                replace("- read: 0x7f00_0000_0010", "- read: 0x8000_0000_0010"));
    }

    @Test
    void aGuestPhysicalAddressOutOfRange() {
        assertOnly("l.yaml:8:46: 'gpa' 0x0001_0000_0000_0000 is out of range: guest-physical addresses have 46 bits "
                        + "(maxPhyAddr)",
                replace("count: 2}", "count: 2, gpa: 0x1_0000_0000_0000}"));
    }

    @Test
    void overlappingMappings() {
        assertOnly("l.yaml:9:8: this mapping overlaps the one at line 8 (process app, 0x0000_7f00_0000_0000)",
                replace("    - {gva: 0x7f00_0000_0000, count: 2}",
                        "    - {gva: 0x7f00_0000_0000, count: 2}\n    - {gva: 0x7f00_0000_1000}"));
    }

    @Test
    void aLargePageOverSmallPagesAtAStep() {
        assertOnly("l.yaml:16:9: step 3: cannot map a 2M page at 0x7f0000000000: smaller pages are mapped there",
                replace("      - switchTo: daemon", "      - switchTo: daemon\n      - map: {gva: 0x7f00_0000_0000, "
                        + "size: 2M, process: app}"));
    }

    @Test
    void anExpectationTheEngineContradicts() {
        assertOnly("l.yaml:14:28: step 1 (read 0x0000_7f00_0000_0010): expected walkRefs 20, the engine counted 24",
                replace("expect: {walkRefs: 24}", "expect: {walkRefs: 20}"));
    }

    @Test
    void anUnknownExitReason() {
        assertOnly("l.yaml:14:42: unknown key 'EPT_VIOLATON' in vmExits; did you mean 'EPT_VIOLATION'?",
                replace("expect: {walkRefs: 24}", "expect: {walkRefs: 24, vmExits: {EPT_VIOLATON: 1}}"));
    }

    @Test
    void anUnknownPlaceholder() {
        assertOnly("l.yaml:13:46: unknown placeholder {hpaa}; did you mean {hpa}?", replace("{hpa}", "{hpaa}"));
    }

    @Test
    void aPlaceholderTheStepHasNoValueFor() {
        assertOnly("l.yaml:16:28: {hpa} has no value at step 2: this step completes no translation",
                replace("- switchTo: daemon", "- switchTo: daemon\n        narration: \"now at {hpa}\""));
    }

    @Test
    void anUnknownProcess() {
        assertOnly("l.yaml:15:19: no process 'deamon' in VM guest; did you mean 'daemon'?",
                replace("switchTo: daemon", "switchTo: deamon"));
    }

    @Test
    void anImageOutsideTheLessonsFolder() {
        assertOnly("l.yaml:16:16: image '../../etc/passwd' leaves the lesson's folder",
                replace("- switchTo: daemon", "- switchTo: daemon\n        image: ../../etc/passwd"));
    }

    @Test
    void anAbsoluteImagePath() {
        assertOnly("l.yaml:13:51: image '/tmp/x.png' is not a path relative to the lesson's folder",
                replace("references to {hpa}", "references to ![x](/tmp/x.png)"));
    }

    @Test
    void anImageThatIsNotThere() {
        assertOnly("l.yaml:16:16: image 'pictures/walk.png' is not in the lesson's folder",
                replace("- switchTo: daemon", "- switchTo: daemon\n        image: pictures/walk.png"));
    }

    @Test
    void anImageBesideTheLessonIsFound(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("pictures"));
        Files.write(dir.resolve("pictures/walk.png"), new byte[] {1});
        Path lesson = dir.resolve("l.yaml");
        Files.writeString(lesson, replace("- switchTo: daemon", "- switchTo: daemon\n        image: pictures/walk.png"));
        LessonLoad load = new LessonLoader().load(lesson);
        assertEquals(List.of(), load.allProblems());
        assertEquals("pictures/walk.png", load.played().steps().get(1).step().image());
    }

    @Test
    void aSymbolicLinkCannotLeadOutOfTheFolder(@TempDir Path dir) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(outside.resolve("secret.png"), new byte[] {1});
        Path lessonDir = Files.createDirectories(dir.resolve("lesson"));
        try {
            Files.createSymbolicLink(lessonDir.resolve("pics"), outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return;
        }
        Path lesson = lessonDir.resolve("l.yaml");
        Files.writeString(lesson, replace("- switchTo: daemon", "- switchTo: daemon\n        image: pics/secret.png"));
        assertEquals(List.of(lesson + ":16:16: image 'pics/secret.png' is not in the lesson's folder"),
                new LessonLoader().load(lesson).allProblems().stream().map(LessonError::toString).toList());
    }

    @Test
    void aStepWithTwoActions() {
        assertOnly("l.yaml:16:9: a step takes one action; this one has 'switchTo' and 'flushTlb' (put the second "
                        + "in its own step)",
                replace("- switchTo: daemon", "- switchTo: daemon\n        flushTlb:"));
    }

    @Test
    void aDuplicateKey() {
        assertOnly("l.yaml:2:1: duplicate key 'title' (first written at 1:1)", "title: Errors\n" + BASE);
    }

    @Test
    void everyErrorOfAFileAtOnce() {
        String text = BASE.replace("narration:", "narraton:").replace("count: 2}", "count: two}")
                .replace("switchTo: daemon", "switchTo: deamon");
        List<String> errors = errors(text);
        assertEquals(List.of(
                "l.yaml:8:38: 'count' must be a whole number, not 'two'",
                "l.yaml:13:9: unknown key 'narraton' in a step; did you mean 'narration'?",
                "l.yaml:15:19: no process 'deamon' in VM guest; did you mean 'daemon'?"), errors);
    }

    @Test
    void theEngineStillRunsTheStepsThatCanBeBound() {
        String text = BASE.replace("switchTo: daemon", "switchTo: deamon")
                .replace("expect: {walkRefs: 24}", "expect: {walkRefs: 23}");
        assertEquals(List.of(
                "l.yaml:14:28: step 1 (read 0x0000_7f00_0000_0010): expected walkRefs 23, the engine counted 24",
                "l.yaml:15:19: no process 'deamon' in VM guest; did you mean 'daemon'?"), errors(text));
    }

    @Test
    void aLessonMayAskForAnswersBeforeNextAndMustSayItWithTrueOrFalse() {
        LessonLoad load = new LessonLoader().load("l.yaml", replace("title: Errors\n",
                "title: Errors\nanswerBeforeNext: true\n"), AssetFolder.none());
        assertTrue(load.passes(), load.allProblems().toString());
        assertTrue(load.played().lesson().answerBeforeNext());
        assertEquals(false, new LessonLoader().load("l.yaml", BASE, AssetFolder.none()).played().lesson().answerBeforeNext(),
                "off unless asked for");

        List<String> errors = errors(replace("title: Errors\n", "title: Errors\nanswerBeforeNext: often\n"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("l.yaml:2:19: "), errors.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an empty file|''|l.yaml:1:1: the file is empty",
        "a list at the top|'- a\n- b'|l.yaml:1:1: a lesson must be a mapping (key: value lines), not a list",
        "two documents|'title: a\n---\ntitle: b'|l.yaml:3:1: a second YAML document starts here; a lesson file "
                + "holds exactly one",
        "an unknown alias|'title: *nothing'|l.yaml:1:8: unknown alias *nothing: no &nothing is defined before it",
    })
    void documentsThatAreNotLessons(String name, String text, String firstError) {
        List<String> errors = errors(text);
        assertTrue(errors.contains(firstError), errors.toString());
    }

    @Test
    void nestingTooDeep() {
        String deep = "title: " + "[".repeat(40) + "]".repeat(40);
        assertEquals(List.of("l.yaml:1:39: nested deeper than 32 levels"), errors(deep));
    }

    @Test
    void tooManyAliases() {
        StringBuilder sb = new StringBuilder("a: &x 1\nb: [");
        for (int i = 0; i < 300; i++) {
            sb.append("*x, ");
        }
        sb.append("*x]\n");
        List<String> errors = errors(sb.toString());
        assertEquals(List.of("l.yaml:2:1029: more than 256 aliases (*name)"), errors);
    }

    @Test
    void aliasesThatExpandTooFar() {
        StringBuilder sb = new StringBuilder("a0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        List<String> errors = errors(sb.toString());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).endsWith("the document grows past 2000000 values (are aliases expanding it?)"),
                errors.get(0));
    }

    @Test
    void tooManySteps() {
        StringBuilder sb = new StringBuilder(BASE.substring(0, BASE.indexOf("chapters:")));
        sb.append("chapters:\n  - title: Long\n    steps:\n");
        for (int i = 0; i <= StepBinder.MAX_STEPS; i++) {
            sb.append("      - flushTlb:\n");
        }
        int line = BASE.substring(0, BASE.indexOf("chapters:")).split("\n").length + 3 + StepBinder.MAX_STEPS + 1;
        assertEquals(List.of("l.yaml:" + line + ":9: a lesson has at most 200000 steps"), errors(sb.toString()));
    }

    @Test
    void aFileTooLarge(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "title: x\n" + "#".repeat(LessonLoader.MAX_BYTES));
        LessonLoad load = new LessonLoader().load(big);
        assertNull(load.played());
        assertEquals(List.of(big + ":1:1: the file is larger than 4 MiB (reading stopped there)"),
                load.errors().stream().map(LessonError::toString).toList());
    }

    @Test
    void aFileThatIsNotThere(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertEquals(List.of(missing + ":1:1: no such file"),
                new LessonLoader().load(missing).errors().stream().map(LessonError::toString).toList());
    }
}
