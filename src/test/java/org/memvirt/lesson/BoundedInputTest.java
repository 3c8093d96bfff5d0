package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input read as written and work known before it is done: what would run out of time or
 * memory is refused with an error at the value that makes it too big, before anything runs.
 */
class BoundedInputTest {
    private static final String MACHINE = "machine: {mode: nested, vms: [{name: g, memory: 8G, processes: [app]}], "
            + "hostMemory: 4G}\n";

    private static List<String> errors(String text) {
        LessonLoad load = new LessonLoader().load("l.yaml", text, AssetFolder.none());
        return load.allProblems().stream().map(LessonError::toString).toList();
    }

    private static String oneStepLesson(String machine, String steps) {
        return "title: t\n" + machine + "chapters:\n  - title: c\n    steps: " + steps + "\n";
    }

    @Test
    void aTouchRepeatedThroughAnAnchorIsRefusedAtTheStepThatPassesTheBudget() {
        String anchor = "[&t {touch: {gva: 0x1000_0000, pages: 1048576}}" + ", *t".repeat(15) + "]";
        List<String> e = errors(oneStepLesson(MACHINE, anchor));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("l.yaml:5:17: step 1 (read 1048576 page(s) from 0x0000_0000_1000_0000) costs "
                + "about 27,262,976 units of work"), e.get(0));
        assertTrue(e.get(0).contains("a lesson may cost at most 6,000,000"), e.get(0));
    }

    @Test
    void smallTouchesAddUpAndTheStepThatCrossesIsNamed() {
        String anchor = "[&t {touch: {gva: 0x1000_0000, pages: 100000}}" + ", *t".repeat(9) + "]";
        List<String> e = errors(oneStepLesson(MACHINE, anchor));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).contains(": step 3 (read 100000 page(s)"), e.get(0));
        assertTrue(e.get(0).contains("takes the lesson to 7,800,000"), e.get(0));
    }

    @Test
    void aScanAtAMillionPagesASecondIsRefusedAtTheScan() {
        String machine = "machine: {mode: nested, vms: [{name: g, memory: 64M, processes: [app]}, "
                + "{name: h, memory: 64M, processes: [app]}], reclaim: {esxRatePerVm: 1000000, esxRateTotal: 1000000}}\n";
        List<String> e = errors(oneStepLesson(machine, "[{shareScan: 1000000}]"));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("l.yaml:5:14: step 1 (the sharing scanner runs for 1000000.0 s) costs about "
                + "2,000,000,000,008 units"), e.get(0));
    }

    @Test
    void aKsmScanOfAThousandBatchesASecondIsRefused() {
        String machine = "machine: {mode: nested, vms: [{name: g, memory: 64M, processes: [app]}], "
                + "reclaim: {sharing: ksm, ksmPagesToScan: 1000000, ksmSleepMillis: 1}}\n";
        List<String> e = errors(oneStepLesson(machine, "[{shareScan: 60}]"));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).contains("step 1 (the sharing scanner runs for 60.0 s) costs about 120,000,000,008"),
                e.get(0));
    }

    @Test
    void aHostTooSmallForItsHostPagesIsAnErrorAtHostMemory() {
        String machine = "machine: {mode: nested, hostPage: 2M, hostMemory: 1M, vms: [{name: g, memory: 64M, "
                + "processes: [app]}]}\n";
        assertEquals(List.of("l.yaml:2:51: 'hostMemory' must hold at least two 2M host pages (the guest's memory and "
                + "the EPT's tables), 4 MiB or more, not 1M"), errors(oneStepLesson(machine, "[{read: 0x1000}]")));
    }

    @Test
    void negativeHexThatDoesNotFitIsRefusedNotWrapped() {
        assertEquals(null, Literals.parseLong("-0xffff_ffff_ffff_fffc"));
        assertEquals(null, Literals.parseLong("-0xffff_ffff_ffff_f000"));
        assertEquals(Long.MIN_VALUE, Literals.parseLong("-0x8000_0000_0000_0000"));
        assertEquals(Long.MIN_VALUE, Literals.parseLong("-9223372036854775808"));
        assertEquals(-16L, Literals.parseLong("-0x10"));
        String machine = "machine: {mode: nested, guestLevels: -0xffff_ffff_ffff_fffc, vms: [{name: g, memory: 64M, "
                + "processes: [app]}]}\n";
        List<String> e = errors(oneStepLesson(machine, "[{read: -0xffff_ffff_ffff_f000}]"));
        assertEquals(List.of("l.yaml:2:38: 'guestLevels' is out of range: -0xffff_ffff_ffff_fffc does not fit 64 bits "
                        + "(a negative number must fit a signed 64-bit number)",
                "l.yaml:5:20: 'gva' is out of range: -0xffff_ffff_ffff_f000 does not fit 64 bits (a negative number "
                        + "must fit a signed 64-bit number)"), e);
    }

    @Test
    void aValueWithLineBreaksIsEchoedOnOneLine() {
        String text = LocatedErrorsTest.BASE.replace("  mode: nested\n", "  mode: nested\n  guestLevels: |\n    4\n    5\n");
        List<String> e = errors(text);
        assertEquals(List.of("l.yaml:4:16: 'guestLevels' must be a whole number, not '4\\n5\\n'"), e);
        assertFalse(e.get(0).contains("\n"));
    }

    @Test
    void aLongLineIsRefusedBeforeItIsParsed() {
        String text = "title: t\nsummary: \"" + "a".repeat(LessonLoader.MAX_LINE_CHARS) + "\"\n";
        long start = System.nanoTime();
        assertEquals(List.of("l.yaml:2:80001: a line longer than 80000 characters; write a long value as a block "
                + "(| or >) over several lines"), errors(text));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused without parsing");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceIsReadUpToTheLimitAndNoFurther() {
        LessonLoad load = new LessonLoader().load(Path.of("/dev/zero"));
        assertNull(load.played());
        assertEquals(List.of("/dev/zero:1:1: the file is larger than 4 MiB (reading stopped there)"),
                load.errors().stream().map(LessonError::toString).toList());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aPipeThatNeverEndsIsReadUpToTheLimitAndNoFurther(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("yes.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        Thread yes = new Thread(() -> {
            byte[] y = "y\n".repeat(4096).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = Files.newOutputStream(fifo)) {
                while (true) {
                    out.write(y);
                }
            } catch (IOException e) {
                // the reader closed the pipe: what a writer to a closed pipe sees
            }
        });
        yes.setDaemon(true);
        yes.start();
        LessonLoad load = new LessonLoader().load(fifo);
        assertEquals(List.of(fifo + ":1:1: the file is larger than 4 MiB (reading stopped there)"),
                load.errors().stream().map(LessonError::toString).toList());
        yes.join(10_000);
        assertFalse(yes.isAlive(), "the writer saw the pipe close");
    }

    @Test
    void aFolderIsNotALesson(@TempDir Path dir) {
        assertEquals(List.of(dir + ":1:1: this is a folder, not a lesson file"),
                new LessonLoader().load(dir).errors().stream().map(LessonError::toString).toList());
    }

    @Test
    void everyShippedLessonFitsTheBudgetWithRoom() {
        for (Path p : ShippedLessons.files()) {
            LessonLoad load = new LessonLoader().load(p);
            assertTrue(load.passes(), p + ": " + load.allProblems());
            WorkBudget budget = new WorkBudget(load.played().lesson());
            long total = load.played().lesson().steps().stream().mapToLong(s -> budget.cost(s.perform())).sum();
            assertTrue(total < WorkBudget.MAX_UNITS / 10, p + " costs " + total);
        }
    }
}
