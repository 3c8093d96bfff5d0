package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.MachineConfig;

/**
 * A lesson as its file describes it: the machine, its state before step 1, and chapters of
 * steps. Every part remembers where it was written, so the engine's objections can be reported
 * at the line an author must change.
 *
 * @param file     the file as the user named it
 * @param title    the title
 * @param summary  what the lesson teaches (Markdown)
 * @param config   the machine (with the lesson's seed)
 * @param vms      the VMs (or, natively, the one bare machine, number 0) with their processes
 * @param mappings the pages mapped before step 1
 * @param chapters the chapters, in order
 * @param answerBeforeNext whether a predict question must be answered before Next moves on
 *                 (whatever the student's own setting): for lessons built on predicting
 */
public record Lesson(String file, String title, String summary, MachineConfig config, List<VmSetup> vms,
                     List<MappingSetup> mappings, List<Chapter> chapters, boolean answerBeforeNext) {
    public Lesson {
        vms = List.copyOf(vms);
        mappings = List.copyOf(mappings);
        chapters = List.copyOf(chapters);
    }

    /** Every step, chapter after chapter. */
    public List<LessonStep> steps() {
        List<LessonStep> all = new ArrayList<>();
        for (Chapter c : chapters) {
            all.addAll(c.steps());
        }
        return all;
    }

    /** The number of steps. */
    public int stepCount() {
        return chapters.stream().mapToInt(c -> c.steps().size()).sum();
    }

    /** A VM by number. */
    public VmSetup vm(int id) {
        return vms.stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no VM " + id));
    }
}
