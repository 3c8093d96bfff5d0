package org.memvirt.viewmodel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.MachineSnapshot;
import org.memvirt.lesson.CounterNames;
import org.memvirt.lesson.LessonLoader;
import org.memvirt.lesson.PlayedLesson;
import org.memvirt.viewmodel.shell.Glossary;

/** Help ▸ Glossary has a line for every label the legends, counters and figures use. */
class GlossaryCoverageTest {
    private final Glossary glossary = Glossary.shipped();

    private static MachineSnapshot ballooning() {
        PlayedLesson l = new LessonLoader().load(Path.of("lessons/13-ballooning.yaml")).played();
        return l.steps().get(2).result().snapshot();
    }

    private List<String> missing(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (String label : labels) {
            if (glossary.find(label) == null) {
                out.add(label);
            }
        }
        return out;
    }

    @Test
    void everyCounterByItsWordsAndItsCommandLineName() {
        MachineSnapshot s = ballooning();
        List<String> labels = new ArrayList<>(CounterNames.names());
        labels.addAll(CounterNames.exitReasons());
        StepFigures.counters(s.counters(), null).forEach(r -> labels.add(r.label()));
        assertEquals(List.of(), missing(labels));
    }

    @Test
    void everyMapLegendLabelAndEveryVmFigure() {
        List<String> labels = new ArrayList<>();
        for (FrameCategory c : FrameCategory.values()) {
            labels.add(c.label());
        }
        for (GuestPageState g : GuestPageState.values()) {
            labels.add(g.label());
        }
        labels.add("changed in this step");
        MachineSnapshot s = ballooning();
        StepFigures.cards(s).get(0).figures().forEach(f -> labels.add(f.label()));
        VmCard.symbols().forEach(f -> {
            labels.add(f.label());
            labels.add(f.value());
        });
        MemoryLegend.frames(MemoryPicture.of(new org.memvirt.viewmodel.StepFrame(3, "x", s, List.of()),
                SwapDevice.EMPTY)).forEach(e -> labels.add(e.label()));
        assertEquals(List.of(), missing(labels));
    }

    @Test
    void linesAreNamesThenMeaning() {
        Glossary g = Glossary.parse("# note\nwalk references / walkRefs :: reads of entries\n\nTLB :: a cache\n");
        assertEquals(2, g.entries().size());
        assertNotNull(g.find("WALKREFS"));
        assertEquals("walk references / walkRefs", g.find("walk references").term());
        assertNull(g.find("walk"));
        assertThrows(IllegalArgumentException.class, () -> Glossary.parse("no separator here"));
    }
}
