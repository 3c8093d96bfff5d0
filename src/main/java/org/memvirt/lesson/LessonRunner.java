package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.memory.OutOfHostMemory;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.RadixTable;

/**
 * Plays a bound lesson on the engine: builds the machine and its initial state, runs every step,
 * checks the expectations and fills the narration. Whatever the engine refuses becomes an error
 * at the line that asked for it; no exception leaves this class.
 */
final class LessonRunner {
    private final Problems problems;
    private final BiConsumer<Integer, MachineSnapshot> observer;
    private final List<LessonError> unmet = new ArrayList<>();
    private final Consumer<PlayedStep> sink;
    private final boolean keepSteps;
    private Machine machine;

    /**
     * A runner reporting into {@code problems}.
     *
     * @param observer sees the machine while it is live: after the initial state (position 0) and
     *                 after each step, before the next one runs (tests use it to check that later
     *                 steps never change an earlier snapshot)
     */
    LessonRunner(Problems problems, BiConsumer<Integer, MachineSnapshot> observer) {
        this(problems, observer, step -> { }, true);
    }

    /**
     * A runner that hands each played step to {@code sink} as soon as it is played.
     *
     * @param keepSteps false to keep none of them (the played lesson then has no steps): what
     *                  {@code check} and {@code run} do, so that memory does not grow with the run
     */
    LessonRunner(Problems problems, BiConsumer<Integer, MachineSnapshot> observer, Consumer<PlayedStep> sink,
                 boolean keepSteps) {
        this.problems = problems;
        this.observer = observer;
        this.sink = sink;
        this.keepSteps = keepSteps;
    }

    /** The live machine after the last run, as the lesson left it (tests go on stepping it). */
    Machine machine() {
        return machine;
    }

    /** Expectations the engine contradicted, each at the value the lesson states. */
    List<LessonError> unmet() {
        return unmet;
    }

    /**
     * Plays the lesson, or returns null when the machine or its initial state could not be built.
     *
     * @param firstBroken the first step that could not be bound: from there on the machine has
     *                    diverged from the lesson, so expectations and placeholders go unchecked
     */
    PlayedLesson run(Lesson lesson, SourceLocation machineAt, int firstBroken) {
        try {
            machine = new Machine(lesson.config());
            if (!setUp(machine, lesson)) {
                return null;
            }
        } catch (RuntimeException e) {
            problems.at(machineAt, "the machine cannot be built: " + message(e));
            return null;
        }
        MachineSnapshot initial = machine.snapshot();
        observer.accept(0, initial);
        List<PlayedStep> played = new ArrayList<>(keepSteps ? lesson.stepCount() : 0);
        long recorded = 0;
        MachineSnapshot previous = initial;
        StepResult talkedAbout = new StepResult(List.of(), initial);
        CounterSnapshot talkedAboutBefore = initial.counters();
        StepFacts.Edit talkedAboutEdit = null;
        LessonStep talkedAboutStep = null;
        boolean diverged = false;
        for (LessonStep step : lesson.steps()) {
            boolean trusted = !diverged && step.number() < firstBroken;
            StepResult result;
            StepFacts.Edit edit = null;
            if (step.perform() == null) {
                result = new StepResult(List.of(), previous);
            } else {
                try {
                    Resolved r = resolve(step, previous);
                    edit = r.edit();
                    result = machine.step(r.action());
                } catch (RuntimeException e) {
                    problems.at(step.actionAt(), "step " + step.number() + ": " + message(e));
                    diverged = true;
                    trusted = false;
                    result = new StepResult(List.of(), previous);
                }
            }
            if (trusted) {
                check(step, previous.counters(), result.snapshot().counters());
            }
            if (step.acts()) {
                talkedAbout = result;
                talkedAboutBefore = previous.counters();
                talkedAboutEdit = edit;
                talkedAboutStep = step;
            }
            Facts facts = new Facts(lesson, step, talkedAboutStep, talkedAbout, talkedAboutBefore, talkedAboutEdit);
            String narration = fill(step.narration(), facts, step, trusted);
            String prompt = step.question() == null ? "" : fill(step.question().prompt(), facts, step, trusted);
            String explanation = step.question() == null ? "" : fill(step.question().explain(), facts, step, trusted);
            PlayedStep done = new PlayedStep(step, result, narration, prompt, explanation);
            if (keepSteps) {
                played.add(done);
            }
            sink.accept(done);
            observer.accept(step.number(), result.snapshot());
            previous = result.snapshot();
            recorded += result.events().size();
            if (recorded > WorkBudget.MAX_RECORDED_EVENTS) {
                problems.at(step.actionAt(), "step " + step.number() + ": the lesson has recorded more than "
                        + String.format(java.util.Locale.ROOT, "%,d", WorkBudget.MAX_RECORDED_EVENTS)
                        + " events, more than its work budget allows; it was stopped here (docs/limits.md)");
                return null;
            }
        }
        return new PlayedLesson(lesson, initial, played);
    }

    private boolean setUp(Machine machine, Lesson lesson) {
        boolean ok = true;
        for (VmSetup vm : lesson.vms()) {
            for (int i = 0; i < vm.processes().size(); i++) {
                machine.createProcess(vm.id());
            }
        }
        Map<String, Long> pages = new HashMap<>();
        boolean nested = lesson.config().mode() != PagingMode.NATIVE;
        for (MappingSetup m : lesson.mappings()) {
            try {
                long[] gpas = new long[m.count()];
                for (int i = 0; i < m.count(); i++) {
                    long gva = m.gva() + i * m.size().bytes();
                    long gpa;
                    if (m.samePageAs() != null || m.gpa() >= 0) {
                        gpa = m.gpa() >= 0 ? m.gpa() + i * m.size().bytes()
                                : pages.getOrDefault(key(m.vm(), m.samePageAs().pid(),
                                        m.samePageAs().gva() + i * m.size().bytes()), -1L);
                        if (gpa < 0) {
                            problems.at(m.samePageAs().at(), "samePageAs: the other process maps no " + m.size()
                                    + " page at " + Hex.address(m.samePageAs().gva() + i * m.size().bytes()));
                            ok = false;
                            break;
                        }
                        machine.mapPageTo(m.vm(), m.pid(), gva, gpa, m.size(), m.flags());
                        if (nested && !lesson.config().demandPaging() && gpa < lesson.vm(m.vm()).memoryBytes()) {
                            for (long off = 0; off < m.size().bytes(); off += lesson.config().hostPage().bytes()) {
                                machine.backGuestPhysical(m.vm(), gpa + off);
                            }
                        }
                    } else {
                        gpa = machine.mapPage(m.vm(), m.pid(), gva, m.size(), m.flags());
                    }
                    gpas[i] = gpa;
                    pages.put(key(m.vm(), m.pid(), gva), gpa);
                }
                if (m.contents() != null) {
                    write(machine, m, gpas);
                }
                for (long off : m.backedOffsets()) {
                    machine.backGuestPhysical(m.vm(), gpas[(int) (off / m.size().bytes())] + off % m.size().bytes());
                }
            } catch (RuntimeException e) {
                problems.at(m.at(), "this mapping cannot be made: " + message(e));
                ok = false;
            }
        }
        for (VmSetup vm : lesson.vms()) {
            machine.setCurrentProcess(vm.id(), vm.runningPid());
        }
        return ok;
    }

    private static void write(Machine machine, MappingSetup m, long[] gpas) {
        PageContents c = m.contents();
        long pageBytes = m.size().bytes();
        if (c.fills()) {
            for (long off = 0; off < m.bytes(); off += 8) {
                long value = c.fill() + (off >>> 3) * c.step();
                if (value != 0) {
                    machine.writeGuestPhysical(m.vm(), gpas[(int) (off / pageBytes)] + off % pageBytes, value);
                }
            }
        }
        long off = c.at();
        for (long w : c.words()) {
            machine.writeGuestPhysical(m.vm(), gpas[(int) (off / pageBytes)] + off % pageBytes, w);
            off += 8;
        }
        byte[] text = c.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i += 8) {
            long w = 0;
            for (int b = 0; b < 8 && i + b < text.length; b++) {
                w |= (text[i + b] & 0xFFL) << (8 * b);
            }
            machine.writeGuestPhysical(m.vm(), gpas[(int) (off / pageBytes)] + off % pageBytes, w);
            off += 8;
        }
    }

    /** An engine action with, for an entry edit, what it changes. */
    private record Resolved(Action action, StepFacts.Edit edit) {
    }

    /** Completes an entry edit from the entry's value now; other actions are as written. */
    private static Resolved resolve(LessonStep step, MachineSnapshot now) {
        StepAction a = step.perform();
        if (a instanceof StepAction.Perform p) {
            return new Resolved(p.action(), null);
        }
        SnapshotTables tables = new SnapshotTables(now);
        if (a instanceof StepAction.EditGuestEntry g) {
            long entry = tables.guestTable(g.vm(), g.pid()).entryAddress(g.address(), g.level());
            if (entry < 0) {
                throw new IllegalArgumentException(String.format("process %d has no %s table on the path of %s", g.pid(),
                        Levels.name(g.level()), Hex.address(g.address())));
            }
            long old = tables.readGuest(g.vm(), entry);
            long value = g.change().apply(old);
            return new Resolved(new Action.WriteGuestEntry(g.vm(), g.pid(), g.address(), g.level(), value),
                    new StepFacts.Edit(old, value, entry, -1));
        }
        if (a instanceof StepAction.EditEptEntry e) {
            long gpa = e.target().gpa();
            if (e.target().viaMapping()) {
                Mapping m = tables.lookup(e.vm(), e.target().pid(), e.target().gva());
                if (m == null) {
                    throw new IllegalArgumentException("process " + e.target().pid() + " maps nothing at "
                            + Hex.address(e.target().gva()));
                }
                gpa = m.address();
            }
            RadixTable ept = tables.ept(e.vm());
            long entry = ept == null ? -1 : ept.entryAddress(gpa, e.level());
            if (entry < 0) {
                throw new IllegalArgumentException(String.format("VM %d's EPT has no %s table on the path of GPA %s",
                        e.vm(), Levels.eptName(e.level()), Hex.address(gpa)));
            }
            long old = tables.readHost(entry);
            long value = e.change().apply(old);
            return new Resolved(new Action.WriteEptEntry(e.vm(), gpa, e.level(), value),
                    new StepFacts.Edit(old, value, entry, gpa));
        }
        throw new IllegalStateException("unknown step action " + a);
    }

    private void check(LessonStep step, CounterSnapshot before, CounterSnapshot after) {
        for (Expectation x : step.expectations()) {
            long now = CounterNames.value(after, x.counter());
            long actual = x.total() ? now : now - CounterNames.value(before, x.counter());
            if (actual != x.value()) {
                unmet.add(new LessonError(x.at(), "step " + step.number() + " (" + step.title() + "): expected "
                        + (x.total() ? "a total of " : "") + x.counter() + " " + x.value() + ", the engine counted "
                        + actual));
            }
        }
    }

    /** The facts of a step, gathered only if its text names one (a step may have thousands of events). */
    private static final class Facts {
        private final Lesson lesson;
        private final LessonStep step;
        private final LessonStep source;
        private final StepResult result;
        private final CounterSnapshot before;
        private final StepFacts.Edit edit;
        private StepFacts facts;

        Facts(Lesson lesson, LessonStep step, LessonStep source, StepResult result, CounterSnapshot before,
              StepFacts.Edit edit) {
            this.lesson = lesson;
            this.step = step;
            this.source = source;
            this.result = result;
            this.before = before;
            this.edit = edit;
        }

        StepFacts get() {
            if (facts == null) {
                facts = new StepFacts(lesson, step, source, result, before, edit);
            }
            return facts;
        }
    }

    private String fill(NarrationTemplate template, Facts lazy, LessonStep step, boolean trusted) {
        if (template.placeholders().isEmpty()) {
            return template.render(p -> "");
        }
        StepFacts facts = lazy.get();
        return template.render(p -> {
            String v = facts.value(p.name());
            if (v == null) {
                if (trusted) {
                    problems.at(p.at(), "{" + p.name() + "} has no value at step " + step.number() + ": "
                            + facts.whyMissing(p.name()));
                }
                return "{" + p.name() + "}";
            }
            return v;
        });
    }

    private static String key(int vm, int pid, long gva) {
        return vm + "/" + pid + "/" + gva;
    }

    /** An engine exception in words: its message, or its kind when it has none. */
    static String message(RuntimeException e) {
        String m = e.getMessage();
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof OutOfHostMemory) {
            return m == null || m.isBlank() ? "refused by the engine" : m;
        }
        return "internal error in the engine (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ")";
    }
}
