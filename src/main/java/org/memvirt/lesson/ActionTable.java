package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.Action;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * Every action a lesson step can take, in one table: its key in the step, the argument a bare
 * value stands for ({@code read: 0x1000} means {@code read: {gva: 0x1000}}), its argument keys,
 * and how it becomes a {@link StepAction}. Adding an action the engine has gained is one entry
 * here (and a line in docs/lesson-format.md).
 */
final class ActionTable {
    /** How one action's arguments become a step action. */
    @FunctionalInterface
    interface Binder {
        /** The action, or null after reporting what is wrong. */
        Bound bind(Fields args, StepContext ctx);
    }

    /**
     * One action a step can take.
     *
     * @param name      the step key
     * @param shorthand the argument a bare value stands for, or null when the action needs a mapping
     * @param keys      its argument keys
     * @param binder    how it is bound
     */
    record Form(String name, String shorthand, List<String> keys, Binder binder) {
    }

    /**
     * A bound action and how the outline says it.
     *
     * @param action the action
     * @param words  e.g. "read 0x0000_7f3a_1c40_2000"
     */
    record Bound(StepAction action, String words) {
    }

    static final Map<String, Form> FORMS;

    static {
        Map<String, Form> m = new LinkedHashMap<>();
        add(m, "read", "gva", List.of("gva", "privilege", "vm"), (a, c) -> access(AccessKind.READ, a, c));
        add(m, "write", "gva", List.of("gva", "value", "privilege", "vm"), (a, c) -> access(AccessKind.WRITE, a, c));
        add(m, "fetch", "gva", List.of("gva", "privilege", "vm"), (a, c) -> access(AccessKind.FETCH, a, c));
        add(m, "map", "gva", List.of("gva", "size", "flags", "vm", "process"), ActionTable::map);
        add(m, "switchTo", "process", List.of("process", "vm"), ActionTable::switchTo);
        add(m, "invlpg", "gva", List.of("gva", "vm"), ActionTable::invlpg);
        add(m, "flushTlb", "vm", List.of("vm"), ActionTable::flushTlb);
        add(m, "writePte", null, List.of("gva", "level", "value", "set", "clear", "vm", "process"),
                ActionTable::writePte);
        add(m, "writeEpt", null, List.of("gpa", "gva", "level", "value", "set", "clear", "vm", "process"),
                ActionTable::writeEpt);
        add(m, "touch", "gva", List.of("gva", "pages", "kind", "vm"), ActionTable::touch);
        add(m, "balloonTarget", "pages", List.of("pages", "vm"), ActionTable::balloonTarget);
        add(m, "hostSwapOut", "pages", List.of("pages", "vm"), (a, c) -> swapOut(true, a, c));
        add(m, "guestSwapOut", "pages", List.of("pages", "vm"), (a, c) -> swapOut(false, a, c));
        add(m, "shareScan", "seconds", List.of("seconds"), ActionTable::shareScan);
        add(m, "sampleActivity", null, List.of(), ActionTable::sampleActivity);
        add(m, "hostPressure", "frames", List.of("frames"), (a, c) -> hostFrames(true, a, c));
        add(m, "hostRelease", "frames", List.of("frames"), (a, c) -> hostFrames(false, a, c));
        FORMS = Collections.unmodifiableMap(m);
    }

    private ActionTable() {
    }

    private static void add(Map<String, Form> m, String name, String shorthand, List<String> keys, Binder b) {
        m.put(name, new Form(name, shorthand, keys, b));
    }

    private static Bound access(AccessKind kind, Fields a, StepContext c) {
        Integer vm = c.vm(a);
        Long gva = a.require("gva") ? c.addresses().gva(a.node("gva"), "gva") : null;
        String privilege = a.choice("privilege", List.of("user", "kernel", "supervisor"), "user");
        Long value = kind == AccessKind.WRITE && a.has("value") ? a.address("value") : Long.valueOf(0);
        if (vm == null || gva == null || value == null) {
            return null;
        }
        Privilege p = privilege.equals("user") ? Privilege.USER : Privilege.SUPERVISOR;
        String words = kind.name().toLowerCase(java.util.Locale.ROOT) + " " + Hex.address(gva)
                + (p == Privilege.SUPERVISOR ? " in kernel mode" : "")
                + (a.has("value") ? " (value " + Hex.small(value) + ")" : "") + c.inVm(vm);
        return new Bound(new StepAction.Perform(new Action.Access(vm, gva, kind, p, value), vm, gva), words);
    }

    private static Bound map(Fields a, StepContext c) {
        Integer vm = c.vm(a);
        Integer pid = vm == null ? null : c.pid(a, vm);
        PageSize size = c.addresses().pageSize(a, "size");
        Long gva = a.require("gva") ? c.addresses().mappedGva(a, "gva", size, 1) : null;
        long flags = c.addresses().leafFlags(a.node("flags")) | X86Entry.P;
        if (vm == null || pid == null || gva == null) {
            return null;
        }
        String words = "map " + Hex.address(gva) + " (" + size + ", " + X86Entry.describe(flags, 1) + ")"
                + c.inProcess(vm, pid);
        return new Bound(new StepAction.Perform(new Action.MapPage(vm, pid, gva, size, flags), vm, gva), words);
    }

    private static Bound switchTo(Fields a, StepContext c) {
        Integer vm = c.vm(a);
        if (vm == null || !a.require("process")) {
            return null;
        }
        Integer pid = c.pid(a, vm);
        if (pid == null) {
            return null;
        }
        c.switched(vm, pid);
        return new Bound(new StepAction.Perform(new Action.SwitchProcess(vm, pid), vm, null),
                "switch CR3 to process " + c.topology().vm(vm).processName(pid) + c.inVm(vm));
    }

    private static Bound invlpg(Fields a, StepContext c) {
        Integer vm = c.vm(a);
        Long gva = a.require("gva") ? c.addresses().gva(a.node("gva"), "gva") : null;
        if (vm == null || gva == null) {
            return null;
        }
        return new Bound(new StepAction.Perform(new Action.Invlpg(vm, gva), vm, gva), "INVLPG " + Hex.address(gva) + c.inVm(vm));
    }

    private static Bound flushTlb(Fields a, StepContext c) {
        Integer vm = c.vm(a);
        if (vm == null) {
            return null;
        }
        return new Bound(new StepAction.Perform(new Action.FlushTlb(vm), vm, null), "flush the TLB" + c.inVm(vm));
    }

    private static Bound writePte(Fields a, StepContext c) {
        Integer vm = c.vm(a);
        Integer pid = vm == null ? null : c.pid(a, vm);
        Long gva = a.require("gva") ? c.addresses().gva(a.node("gva"), "gva") : null;
        int level = c.addresses().level(a, "level", c.addresses().guestLevels(), 1);
        StepAction.EntryChange change = change(a, c, Addresses.X86_FLAGS);
        if (vm == null || pid == null || gva == null || change == null) {
            return null;
        }
        String words = "write the " + Levels.name(level) + " entry of " + Hex.address(gva) + " ("
                + describe(change, Addresses.X86_FLAGS) + ")" + c.inProcess(vm, pid);
        return new Bound(new StepAction.EditGuestEntry(vm, pid, gva, level, change), words);
    }

    private static Bound writeEpt(Fields a, StepContext c) {
        if (c.topology().nativeMode()) {
            c.problems().at(a.at(), "a native machine has no EPT to write");
            return null;
        }
        Integer vm = c.vm(a);
        int level = c.addresses().level(a, "level", c.hostLevels(), 1);
        StepAction.EntryChange change = change(a, c, Addresses.EPT_FLAGS);
        if (a.has("gpa") == a.has("gva")) {
            c.problems().at(a.at(), "writeEpt names its page by 'gpa', or by 'gva' (the page a process maps there)"
                    + ", exactly one of them");
            return null;
        }
        if (vm == null || change == null) {
            return null;
        }
        StepAction.GpaTarget target;
        String where;
        if (a.has("gpa")) {
            Long gpa = c.addresses().gpa(a.node("gpa"), "gpa");
            if (gpa == null) {
                return null;
            }
            target = new StepAction.GpaTarget(gpa, 0, 0);
            where = "GPA " + Hex.address(gpa);
        } else {
            Integer pid = c.pid(a, vm);
            Long gva = c.addresses().gva(a.node("gva"), "gva");
            if (pid == null || gva == null) {
                return null;
            }
            target = new StepAction.GpaTarget(-1, pid, gva);
            where = "the page behind " + Hex.address(gva) + c.inProcess(vm, pid);
        }
        String words = "write the " + Levels.eptName(level) + " entry of " + where + " ("
                + describe(change, Addresses.EPT_FLAGS) + ")";
        return new Bound(new StepAction.EditEptEntry(vm, target, level, change), words);
    }

    private static Bound touch(Fields a, StepContext c) {
        Integer vm = c.vm(a);
        Long gva = a.require("gva") ? c.addresses().gva(a.node("gva"), "gva") : null;
        int pages = (int) a.integer("pages", 1, 1 << 20, 1);
        String kind = a.choice("kind", List.of("read", "write"), "read");
        if (vm == null || gva == null) {
            return null;
        }
        AccessKind k = kind.equals("write") ? AccessKind.WRITE : AccessKind.READ;
        return new Bound(new StepAction.Perform(new Action.TouchPages(vm, gva, pages, k), vm, gva),
                kind + " " + pages + " page(s) from " + Hex.address(gva) + c.inVm(vm));
    }

    private static Bound balloonTarget(Fields a, StepContext c) {
        Integer vm = c.vm(a);
        Long pages = a.require("pages") ? a.integer("pages", 0, Integer.MAX_VALUE) : null;
        if (vm == null || pages == null) {
            return null;
        }
        return new Bound(new StepAction.Perform(new Action.SetBalloonTarget(vm, pages), vm, null),
                "set the balloon target to " + pages + " page(s)" + c.inVm(vm));
    }

    private static Bound swapOut(boolean host, Fields a, StepContext c) {
        Integer vm = c.vm(a);
        Long pages = a.require("pages") ? a.integer("pages", 1, 1 << 20) : null;
        if (vm == null || pages == null) {
            return null;
        }
        Action action = host ? new Action.HostSwapOut(vm, pages.intValue()) : new Action.GuestSwapOut(vm, pages.intValue());
        return new Bound(new StepAction.Perform(action, vm, null),
                (host ? "the host" : "the guest") + " swaps out " + pages + " page(s)" + c.inVm(vm));
    }

    private static Bound shareScan(Fields a, StepContext c) {
        Double seconds = a.require("seconds") ? a.decimal("seconds", 0.001, 1e6) : null;
        if (seconds == null) {
            return null;
        }
        return new Bound(new StepAction.Perform(new Action.ScanForSharing(seconds), c.firstVm(), null),
                "the sharing scanner runs for " + seconds + " s");
    }

    private static Bound sampleActivity(Fields a, StepContext c) {
        return new Bound(new StepAction.Perform(new Action.SampleActivity(), c.firstVm(), null),
                "end an activity-sampling period");
    }

    private static Bound hostFrames(boolean take, Fields a, StepContext c) {
        Long frames = a.require("frames") ? a.integer("frames", 0, Integer.MAX_VALUE) : null;
        if (frames == null) {
            return null;
        }
        Action action = take ? new Action.HostPressure(frames.intValue()) : new Action.HostRelease(frames.intValue());
        return new Bound(new StepAction.Perform(action, c.firstVm(), null),
                (take ? "the host takes " : "the host gives back ") + frames + " frame(s)");
    }

    private static StepAction.EntryChange change(Fields a, StepContext c, Map<String, Long> names) {
        boolean raw = a.has("value");
        boolean bits = a.has("set") || a.has("clear");
        if (raw == bits) {
            c.problems().at(a.at(), "say the new entry as 'value: 0x…' (the whole entry) or as 'set:'/'clear:' "
                    + "flags, one of the two");
            return null;
        }
        if (raw) {
            Long v = a.address("value");
            return v == null ? null : new StepAction.EntryChange(true, v, 0, 0);
        }
        long set = a.has("set") ? c.addresses().flagBits(a.node("set"), "set", names) : 0;
        long clear = a.has("clear") ? c.addresses().flagBits(a.node("clear"), "clear", names) : 0;
        return new StepAction.EntryChange(false, 0, set, clear);
    }

    private static String describe(StepAction.EntryChange change, Map<String, Long> names) {
        if (change.replace()) {
            return "value " + Hex.address(change.value());
        }
        List<String> parts = new ArrayList<>();
        if (change.set() != 0) {
            parts.add("set " + flagNames(change.set(), names));
        }
        if (change.clear() != 0) {
            parts.add("clear " + flagNames(change.clear(), names));
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static String flagNames(long bits, Map<String, Long> names) {
        List<String> out = new ArrayList<>();
        long rest = bits;
        for (Map.Entry<String, Long> e : names.entrySet()) {
            if ((rest & e.getValue()) == e.getValue()) {
                out.add(e.getKey());
                rest &= ~e.getValue();
            }
        }
        if (rest != 0) {
            out.add(Hex.small(rest));
        }
        return String.join(" ", out);
    }
}
