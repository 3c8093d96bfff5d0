package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * No lesson file can crash the loader: ten thousand seeded mutations of the shipped lessons
 * (characters and lines deleted, duplicated, swapped; numbers, keys and values replaced; files cut
 * short) all load without an uncaught exception, and every problem they report has a place and a
 * message. Replay a failure with {@code -Dlesson.fuzz.seed=SEED}.
 */
class MutatedLessonsTest {
    private static final int FILES = 10_000;
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_])(0x[0-9a-fA-F_]+|[0-9][0-9_]*[KMGkmg]?)");
    private static final Pattern KEY = Pattern.compile("(?m)^(\\s*-?\\s*)([A-Za-z]+):");
    private static final Pattern VALUE = Pattern.compile(":\\s+([A-Za-z][A-Za-z0-9_]*)");
    private static final String[] NUMBERS = {"0", "-1", "1", "2", "3", "4", "5", "6", "9", "63", "64", "99", "4096",
        "0x1000", "0x7fff_ffff_ffff_ffff", "0xffff_ffff_ffff_ffff", "18446744073709551616", "-9223372036854775808",
        "0x8000_0000_0000", "0xffff_8000_0000_0000", "1e9", "2M", "1G", "16G", "64T", "0x", "0b102", "1_", "_1",
        "200001", "0x0000_7f3a_1c40_2fff", "999999999999"};
    private static final String[] WORDS = {"native", "nested", "shadow", "on", "off", "yes", "4K", "2M", "1G", "PT",
        "PD", "PDPT", "PML4", "PML5", "user", "kernel", "guest", "app", "shell", "editor", "daemon", "null", "~", "true",
        "R", "W", "X", "RW", "US", "NX", "P", "EPT_VIOLATION", "walkRefs", "{hpa}", "{nope}", "*alias", "&anchor",
        "[]", "{}", "'", "\"", "|", ">", "-", "?", "!tag", "<<"};
    private static final String JUNK = "{}[]:,-&*!|>'\"#%@`\t\n 0x_9aZ{{}}\\";

    /** Small lessons (each loads in about a millisecond) that mutants are also made from. */
    private static final List<String> SMALL = List.of(LocatedErrorsTest.BASE, LessonFormatTest.RECLAIM);

    private static List<String> sources() {
        List<String> texts = new ArrayList<>();
        for (Path p : ShippedLessons.files()) {
            try {
                texts.add(Files.readString(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /**
     * The sources, weighted to keep this test fast: half the mutants come from the small lessons
     * (a lesson of {@link LocatedErrorsTest} and one that takes every reclamation action), the
     * other half from the shipped lessons. A 1 GiB guest page costs the engine's guest allocator
     * tens of milliseconds and megabytes per load (it records every page it skips to align the
     * page), so mutants of a lesson that maps one use a 2 MiB page in its place.
     */
    private static List<String> weighted(List<String> shipped) {
        List<String> out = new ArrayList<>();
        for (String s : shipped) {
            out.add(s.replace("size: 1G", "size: 2M"));
        }
        for (int i = 0; i < shipped.size(); i++) {
            out.add(SMALL.get(i % SMALL.size()));
        }
        return out;
    }

    private static List<String> vocabulary() {
        List<String> keys = new ArrayList<>(List.of("title", "summary", "seed", "machine", "initial", "chapters",
                "mode", "guestLevels", "hostLevels", "hostPage", "hostMemory", "tlb", "walkCache", "pcids",
                "demandPaging", "eptAccessDirty", "executeOnlyEpt", "maxPhyAddr", "vms", "processes", "running", "name",
                "memory", "mappings", "vm", "process", "gva", "gpa", "size", "count", "flags", "samePageAs",
                "contents", "fill", "step", "at", "words", "text", "backed", "steps", "narration", "highlight",
                "question", "prompt", "choices", "answer", "explain", "expect", "expectTotal", "image", "value",
                "privilege", "level", "set", "clear", "entries", "ways", "nestedTlbEntries", "shadow", "roots",
                "reclaim", "shares", "pages", "kind", "seconds", "frames", "swapPolicy", "sharing", "taxRate"));
        keys.addAll(ActionTable.FORMS.keySet());
        keys.addAll(CounterNames.names());
        return keys;
    }

    @Test
    void tenThousandMutatedLessonsLoadWithoutAnUncaughtException() {
        long seed = Long.getLong("lesson.fuzz.seed", 0x5EED_1E55_0000L);
        System.out.println("MutatedLessonsTest seed=" + seed + " (replay with -Dlesson.fuzz.seed=" + seed + ")");
        List<String> sources = weighted(sources());
        List<String> keys = vocabulary();
        LessonLoader loader = new LessonLoader();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger playable = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        IntStream.range(0, FILES).parallel().forEach(i -> {
            Random random = new Random(seed + i * 0x9E3779B97F4A7C15L);
            String source = sources.get(random.nextInt(sources.size()));
            String text = source;
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, random, keys);
            }
            String name = "mutant-" + i + ".yaml";
            try {
                LessonLoad load = loader.load(name, text, AssetFolder.none());
                for (LessonError e : load.allProblems()) {
                    if (!e.at().file().equals(name) || e.at().line() < 1 || e.at().column() < 1
                            || e.message().isBlank() || e.message().contains("internal error")) {
                        failures.add("file " + i + " (seed " + seed + "): " + e);
                    }
                }
                if (load.playable()) {
                    playable.incrementAndGet();
                } else {
                    rejected.incrementAndGet();
                }
            } catch (Throwable t) {
                failures.add("file " + i + " (seed " + seed + "): " + t + "\n--- text ---\n" + text);
            }
        });
        System.out.println("MutatedLessonsTest: " + FILES + " files, " + playable + " playable, " + rejected
                + " rejected with located errors, " + failures.size() + " failures");
        assertEquals(FILES, playable.get() + rejected.get() + failures.stream().filter(f -> f.contains("--- text"))
                .count());
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.peek());
    }

    static String mutate(String text, Random r, List<String> keys) {
        if (text.isEmpty()) {
            return JUNK.charAt(r.nextInt(JUNK.length())) + "";
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int pos = r.nextInt(text.length());
        switch (r.nextInt(12)) {
            case 0:
                return text.substring(0, pos) + text.substring(pos + 1);
            case 1:
                return text.substring(0, pos) + JUNK.charAt(r.nextInt(JUNK.length())) + text.substring(pos);
            case 2:
                return pos + 1 < text.length()
                        ? text.substring(0, pos) + text.charAt(pos + 1) + text.charAt(pos) + text.substring(pos + 2)
                        : text;
            case 3:
                lines.remove(r.nextInt(lines.size()));
                return String.join("\n", lines);
            case 4: {
                int l = r.nextInt(lines.size());
                lines.add(l, lines.get(l));
                return String.join("\n", lines);
            }
            case 5:
                Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
                return String.join("\n", lines);
            case 6:
                return replaceOne(text, NUMBER, 1, NUMBERS[r.nextInt(NUMBERS.length)], r);
            case 7:
                return replaceOne(text, KEY, 2, keys.get(r.nextInt(keys.size())), r);
            case 8:
                return replaceOne(text, VALUE, 1, WORDS[r.nextInt(WORDS.length)], r);
            case 9:
                return text.substring(0, pos);
            case 10: {
                int l = r.nextInt(lines.size());
                String line = lines.get(l);
                lines.set(l, r.nextBoolean() ? "  " + line : line.replaceFirst("^  ", ""));
                return String.join("\n", lines);
            }
            default:
                return replaceOne(text, VALUE, 1, keys.get(r.nextInt(keys.size())), r);
        }
    }

    private static String replaceOne(String text, Pattern p, int group, String replacement, Random r) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(group), m.end(group)});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return text.substring(0, s[0]) + replacement + text.substring(s[1]);
    }
}
