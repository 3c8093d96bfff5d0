package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.Action;
import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WriteTarget;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * The values narration may name, taken from what a step really did: its translation, exit,
 * fault, entry edit, registers and counters. A name the step has no value for is an error in the
 * lesson, reported where the placeholder is written.
 */
final class StepFacts {
    /** Placeholders that are not counters. */
    static final List<String> FIXED = List.of("gva", "gpa", "hpa", "pageSize", "refs", "offset", "index.PML5",
            "index.PML4", "index.PDPT", "index.PD", "index.PT", "exit", "exitCode", "exitGpa", "qualification",
            "exitDetail", "vmmAction", "fault", "errorCode", "cr2", "old", "new", "entryAddress", "cr3", "eptp",
            "process", "vm", "step", "steps");
    private static final String TOTAL = "total.";

    /**
     * What an entry edit changed.
     *
     * @param oldValue     the entry before
     * @param newValue     the entry after
     * @param entryAddress where the entry is (guest-physical for a guest table, host for the EPT)
     * @param gpa          for an EPT edit, the guest-physical address it concerns; else -1
     */
    record Edit(long oldValue, long newValue, long entryAddress, long gpa) {
    }

    private final Lesson lesson;
    private final LessonStep step;
    private final StepResult result;
    private final CounterSnapshot before;
    private final Edit edit;
    private final int vm;
    private final Long actionGva;
    private Translated translated;
    private VmExit exit;
    private VmEntry entry;
    private GuestPageFault fault;
    private GuestWrite mapped;

    /**
     * The facts a step's text may name.
     *
     * @param step   the step whose text is filled
     * @param source the step the text talks about: the step itself when it acts, else the last
     *               step that acted (null before any)
     * @param result the source step's result
     * @param before the counters before the source step
     * @param edit   what the source step's entry edit changed, or null
     */
    StepFacts(Lesson lesson, LessonStep step, LessonStep source, StepResult result, CounterSnapshot before,
              Edit edit) {
        this.lesson = lesson;
        this.step = step;
        this.result = result;
        this.before = before;
        this.edit = edit;
        StepAction perform = source == null ? null : source.perform();
        Action action = perform instanceof StepAction.Perform p ? p.action() : null;
        this.vm = perform == null ? lesson.vms().get(0).id() : perform.vm();
        this.actionGva = perform == null ? null : perform.gva();
        for (Event e : result.events()) {
            if (e instanceof Translated t) {
                translated = t;
            } else if (e instanceof VmExit x && exit == null) {
                exit = x;
            } else if (e instanceof VmEntry n && entry == null) {
                entry = n;
            } else if (e instanceof GuestPageFault f && fault == null) {
                fault = f;
            } else if (e instanceof GuestWrite w && w.target() == WriteTarget.PAGE_TABLE
                    && action instanceof Action.MapPage) {
                mapped = w;
            }
        }
    }

    /** True when {@code name} is a placeholder some step could fill. */
    static boolean isKnown(String name) {
        String n = name.startsWith(TOTAL) ? name.substring(TOTAL.length()) : name;
        return (!name.startsWith(TOTAL) && FIXED.contains(name)) || CounterNames.isCounter(n);
    }

    /** Every placeholder name, for suggestions. */
    static List<String> allNames() {
        List<String> all = new ArrayList<>(FIXED);
        for (String c : CounterNames.names()) {
            all.add(c);
            all.add(TOTAL + c);
        }
        for (String r : CounterNames.exitReasons()) {
            all.add(CounterNames.VM_EXITS + "." + r);
        }
        return all;
    }

    /** The value of a placeholder at this step, or null when the step has none (see {@link #whyMissing}). */
    String value(String name) {
        if (name.startsWith(TOTAL)) {
            return String.valueOf(CounterNames.value(after().counters(), name.substring(TOTAL.length())));
        }
        if (CounterNames.isCounter(name)) {
            return String.valueOf(CounterNames.value(after().counters(), name) - CounterNames.value(before, name));
        }
        if (name.startsWith("index.")) {
            Long gva = gva();
            int level = List.of("PT", "PD", "PDPT", "PML4", "PML5").indexOf(name.substring(6)) + 1;
            return gva == null || level > lesson.config().guestLevels() ? null : String.valueOf(Levels.index(gva, level));
        }
        switch (name) {
            case "gva":
                return gva() == null ? null : Hex.address(gva());
            case "gpa":
                return translated != null ? Hex.address(translated.gpa())
                        : edit != null && edit.gpa() >= 0 ? Hex.address(edit.gpa())
                        : mapped != null ? Hex.address(mapped.value() & X86Entry.ADDRESS_MASK) : null;
            case "hpa":
                return translated == null ? null : Hex.address(translated.hpa());
            case "pageSize":
                return translated == null ? null : translated.pageSize();
            case "refs":
                return translated == null ? null : String.valueOf(translated.references());
            case "offset":
                return gva() == null ? null : Hex.small(gva() & pageMask());
            case "exit":
                return exit == null ? null : exit.reason().name();
            case "exitCode":
                return exit == null ? null : String.valueOf(exit.reason().code());
            case "exitGpa":
                return exit == null || exit.gpa() < 0 ? null : Hex.address(exit.gpa());
            case "qualification":
                return exit == null ? null : Hex.small(exit.qualification());
            case "exitDetail":
                return exit == null ? null : exit.detail();
            case "vmmAction":
                return entry == null ? null : entry.action();
            case "fault":
                return fault == null ? null : fault.reason();
            case "errorCode":
                return fault == null ? null : Hex.small(fault.errorCode());
            case "cr2":
                return fault == null ? null : Hex.address(fault.cr2());
            case "old":
                return edit == null ? null : Hex.address(edit.oldValue());
            case "new":
                return edit == null ? null : Hex.address(edit.newValue());
            case "entryAddress":
                return edit == null ? null : Hex.address(edit.entryAddress());
            case "cr3":
                return Hex.address(after().vm(vm).cr3());
            case "eptp":
                return after().vm(vm).eptp() < 0 ? null : Hex.address(after().vm(vm).eptp());
            case "process":
                return lesson.vm(vm).processName(after().vm(vm).currentPid());
            case "vm":
                return lesson.vm(vm).name();
            case "step":
                return String.valueOf(step.number());
            case "steps":
                return String.valueOf(lesson.stepCount());
            default:
                return null;
        }
    }

    /** Why {@code name} has no value at this step, in words. */
    String whyMissing(String name) {
        switch (name) {
            case "hpa", "pageSize", "refs":
                return "this step completes no translation" + (fault != null ? " (the access faulted)"
                        : exit != null ? " (the access ended in a VM exit the hypervisor emulated)" : "");
            case "gpa":
                return "this step completes no translation, maps no page and edits no EPT entry";
            case "exit", "exitCode", "exitGpa", "qualification", "exitDetail":
                return "this step causes no VM exit";
            case "vmmAction":
                return "the hypervisor does not run in this step";
            case "fault", "errorCode", "cr2":
                return "no page fault reaches the guest in this step";
            case "old", "new", "entryAddress":
                return "this step edits no table entry";
            case "eptp":
                return "the hardware walks no EPT on this machine";
            default:
                return gva() == null ? "this step names no virtual address"
                        : "a " + lesson.config().guestLevels() + "-level machine has no " + name.substring(6) + " level";
        }
    }

    private MachineSnapshot after() {
        return result.snapshot();
    }

    private Long gva() {
        return translated != null ? Long.valueOf(translated.gva()) : actionGva;
    }

    private long pageMask() {
        if (translated == null) {
            return PageSize.SIZE_4K.offsetMask();
        }
        return PageSize.parse(translated.pageSize()).offsetMask();
    }
}
