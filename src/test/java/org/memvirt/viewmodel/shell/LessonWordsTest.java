package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.lesson.LessonLoad;
import org.memvirt.lesson.LessonLoader;
import org.memvirt.lesson.PlayedStep;

/**
 * The words a student reads, as every shipped lesson renders them after the engine filled the
 * placeholders, and the event log's sentences: no signed numbers in sentences ("freed -137
 * frames"), no doubled words ("injects *injected …*").
 */
class LessonWordsTest {
    /** A number with a sign in running text: "by -4", "**-137**", "(+1 more)". Not "4 + 20" or "0x-…". */
    private static final Pattern SIGNED = Pattern.compile("(^|[\\s*(\\[])[-−+]\\d");
    /** The same word twice in a row, emphasis markers allowed between: "the the", "injects *injected". */
    private static final Pattern DOUBLED = Pattern.compile("(?i)\\b(\\w{3,}?)(?:s|ed|ing)?\\s+[*_]{0,2}\\1\\w*\\b");

    private static List<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<String> problems(String where, String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String one = text.replace('\n', ' ');
        for (Pattern p : List.of(SIGNED, DOUBLED)) {
            Matcher m = p.matcher(one);
            while (m.find()) {
                int from = Math.max(0, m.start() - 40);
                out.add(where + ": …" + one.substring(from, Math.min(one.length(), m.end() + 20)) + "…");
            }
        }
        return out;
    }

    @Test
    void theChecksCatchWhatTheIssueFound() {
        assertEquals(1, problems("13", "the host freed **-137** frames").size());
        assertEquals(1, problems("13", "-200 pages left the balloon").size());
        assertEquals(1, problems("9", "not present and injects *injected by the hypervisor*").size());
        assertEquals(1, problems("x", "Host frame 7 (+3 more) allocated").size());
        assertEquals(List.of(), problems("2", "4 + 5×4 = 24 references, 0x-free, CR3*. CR3 now"));
    }

    @Test
    void narrationsQuestionsAndExplanationsHaveNoSignedNumbersOrDoubledWords() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : lessons()) {
            LessonLoad load = new LessonLoader().load(f);
            assertTrue(load.playable(), f + ": " + load.errors());
            for (PlayedStep s : load.played().steps()) {
                String where = f.getFileName() + " step " + s.step().number();
                found.addAll(problems(where, s.narration()));
                found.addAll(problems(where + " question", s.prompt()));
                found.addAll(problems(where + " explanation", s.explanation()));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theEventLogOfEveryStepReadsAsSentences() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : lessons()) {
            LessonLoad load = new LessonLoader().load(f);
            EventWords words = EventWords.of(load.played().lesson().config().mode());
            for (PlayedStep s : load.played().steps()) {
                for (Event e : s.result().events()) {
                    found.addAll(problems(f.getFileName() + " step " + s.step().number() + " event", e.accept(words)));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theEventLogNamesTheHostTableAsTheTablesViewDoesAndExplainsExitReasonZero() {
        VmExit pf = new VmExit(1, ExitReason.EXCEPTION_NMI, 0x7f00_0000L, -1, 0x7f00_0000L, "shadow #PF");
        String line = pf.accept(EventWords.of(PagingMode.SHADOW));
        assertTrue(line.contains("exception or NMI") && line.contains("page fault"), line);
        String fill = new org.memvirt.engine.event.EptFill(1, 0x2000, 0x9000, "4K").accept(EventWords.of(PagingMode.SHADOW));
        assertTrue(fill.startsWith("P2M fill"), fill);
        assertTrue(new org.memvirt.engine.event.EptFill(1, 0x2000, 0x9000, "4K").accept(EventWords.of(PagingMode.NESTED))
                .startsWith("EPT fill"));
        assertEquals("Host frame 7 and 3 more allocated for VM 1 as data",
                new FrameAlloc(7, 4, "DATA", 1).accept(EventWords.of(PagingMode.NESTED)));
    }
}
