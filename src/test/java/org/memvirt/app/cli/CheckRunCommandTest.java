package org.memvirt.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code check} and {@code run} as an instructor and a grader use them: exit codes 0, 1 and 2,
 * problems as {@code FILE:LINE:COLUMN: message}, traces as JSON Lines that are the same byte for
 * byte on every run.
 */
class CheckRunCommandTest {
    private static final String LESSON = """
            title: Tiny
            machine:
              mode: nested
              vms:
                - {name: guest, memory: 64M, processes: [app]}
            initial:
              mappings:
                - {gva: 0x7f00_0000_0000}
            chapters:
              - title: One
                steps:
                  - read: 0x7f00_0000_0010
                    narration: "{walkRefs} references"
                    expect: {walkRefs: 24, vmExits: 0}
                  - read: 0x7f00_0000_0018
                    expect: {tlbHits: 1}
            """;

    private record Result(int exit, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Path> lessons() {
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void checkAcceptsEveryShippedLesson() {
        List<String> args = new ArrayList<>(List.of("check"));
        lessons().forEach(p -> args.add(p.toString()));
        Result r = cli(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals(args.size() - 1, r.out().lines().filter(l -> l.contains(": ok (")).count(), r.out());
    }

    @Test
    void checkReportsEveryProblemWithItsPlace(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, LESSON.replace("tlbHits: 1", "tlbHitz: 1").replace("walkRefs: 24", "walkRefs: 16"));
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, LESSON);
        Result r = cli("check", good.toString(), bad.toString());
        assertEquals(2, r.exit());
        assertEquals(List.of(
                bad + ":14:28: step 1 (read 0x0000_7f00_0000_0010): expected walkRefs 16, the engine counted 24",
                bad + ":16:18: unknown key 'tlbHitz' in 'expect'; did you mean 'tlbHits'?"),
                r.err().lines().toList());
        assertEquals(good + ": ok (2 steps in 1 chapter, 3 expectations hold)", r.out().strip());
    }

    @Test
    void checkOfAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        Result r = cli("check", missing.toString());
        assertEquals(2, r.exit());
        assertEquals(missing + ":1:1: no such file", r.err().strip());
    }

    @Test
    void checkNeedsAFile() {
        Result r = cli("check");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Missing required parameter"), r.err());
    }

    @Test
    void runWritesJsonLinesAndASummary(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("tiny.yaml");
        Files.writeString(lesson, LESSON);
        Path trace = dir.resolve("out.jsonl");
        Result r = cli("run", lesson.toString(), "--trace", trace.toString());
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(trace)) {
            lines.add(json.readTree(line));
        }
        JsonNode first = lines.get(0);
        assertEquals("Narration", first.get("type").asText());
        assertEquals("24 references", first.get("text").asText());
        assertEquals(1, first.get("step").asInt());
        assertEquals(24, lines.stream().filter(l -> "WalkStep".equals(l.get("type").asText())).count());
        JsonNode walk = lines.stream().filter(l -> "WalkStep".equals(l.get("type").asText())).findFirst().orElseThrow();
        assertEquals("HOST", walk.get("dimension").asText());
        assertEquals(1, walk.get("reference").asInt());
        JsonNode summary = lines.get(lines.size() - 1);
        assertEquals("Summary", summary.get("type").asText());
        List<String> names = new ArrayList<>();
        Iterator<String> it = summary.get("counters").fieldNames();
        it.forEachRemaining(names::add);
        assertEquals(List.of("accesses", "walkRefs", "guestRefs", "hostRefs", "shadowRefs", "tlbHits", "tlbMisses",
                "guestFaults", "hiddenFaults", "vmExits", "hostFramesUsed", "hostFramesFree", "swapOuts", "swapIns",
                "balloonPages", "sharedFrames", "framesSaved", "cowBreaks", "hostPtRefs", "hostPageFaults"), names);
        assertEquals(2, summary.get("counters").get("accesses").asInt());
        assertEquals(24, summary.get("counters").get("walkRefs").asInt());
        assertTrue(summary.get("counters").get("vmExits").isObject());
        for (JsonNode l : lines.subList(0, lines.size() - 1)) {
            assertTrue(l.get("step").asInt() >= 1, l.toString());
        }
        assertTrue(r.out().contains("trace written to"), r.out());
    }

    @Test
    void runWithoutTraceWritesToStdout(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("tiny.yaml");
        Files.writeString(lesson, LESSON);
        Result r = cli("run", lesson.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"type\":\"Summary\""), lines.get(lines.size() - 1));
    }

    @Test
    void runExitsOneWhenAnExpectationFails(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("tiny.yaml");
        Files.writeString(lesson, LESSON.replace("tlbHits: 1", "tlbHits: 2"));
        Path trace = dir.resolve("out.jsonl");
        Result r = cli("run", lesson.toString(), "--trace", trace.toString());
        assertEquals(1, r.exit());
        assertEquals(lesson + ":16:27: step 2 (read 0x0000_7f00_0000_0018): expected tlbHits 2, the engine counted 1",
                r.err().strip());
        assertTrue(Files.readString(trace).contains("\"type\":\"Summary\""), "the trace is still written");
    }

    @Test
    void runExitsTwoForALessonWithErrors(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("tiny.yaml");
        Files.writeString(lesson, LESSON.replace("read: 0x7f00_0000_0018", "reed: 0x7f00_0000_0018"));
        Result r = cli("run", lesson.toString());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(lesson + ":15:9: unknown key 'reed' in a step; did you mean 'read'?"), r.err());
    }

    @Test
    void runCannotWriteTheTrace(@TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("tiny.yaml");
        Files.writeString(lesson, LESSON);
        Path trace = dir.resolve("no/such/dir/out.jsonl");
        Result r = cli("run", lesson.toString(), "--trace", trace.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(trace + ": cannot write the trace"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void everyShippedLessonRunsWithEveryExpectationHolding(Path lesson, @TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        Result a = cli("run", lesson.toString(), "--trace", first.toString());
        Result b = cli("run", lesson.toString(), "--trace", second.toString());
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "the trace is deterministic");
        assertTrue(Files.size(first) > 0);
    }

    @Test
    void theCommandLineNamesItsCommands() {
        Result r = cli();
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("name a command: check, run, walk or audit-layout"), r.err());
    }
}
