package org.memvirt.engine.reclaim;

import java.util.List;

import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.MemoryImage;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/** Small machines for reclamation tests: VMs of 4 MiB RAM on a 16 MiB host, one process each. */
final class ReclaimRig {
    static final long RWU = X86Entry.P | X86Entry.RW | X86Entry.US;
    static final long BASE = 0x0000_0040_0000_0000L;

    private ReclaimRig() {
    }

    static MachineConfig config(int vms, ReclaimConfig reclaim) {
        return MachineConfig.defaults().withHostFrames(4096).withDemandPaging(true)
                .withVmRam(java.util.Collections.nCopies(vms, 4L << 20)).withReclaim(reclaim);
    }

    /** Maps {@code pages} pages at BASE in process 1 of each VM and fills page i with {@code fill(vm, i)}. */
    static Machine machine(int vms, int pages, ReclaimConfig reclaim, java.util.function.BiFunction<Integer, Integer, Long> fill) {
        return machine(vms, pages, reclaim, org.memvirt.engine.host.HypervisorStyle.KVM, fill);
    }

    /** The same, with the hypervisor style chosen: KVM (host process memory) or ESX (the VMM's P2M). */
    static Machine machine(int vms, int pages, ReclaimConfig reclaim, org.memvirt.engine.host.HypervisorStyle style,
                           java.util.function.BiFunction<Integer, Integer, Long> fill) {
        Machine m = new Machine(config(vms, reclaim).withHypervisor(style));
        for (int vm = 1; vm <= vms; vm++) {
            int pid = m.createProcess(vm);
            for (int i = 0; i < pages; i++) {
                long gpa = m.mapPage(vm, pid, BASE + i * 4096L, PageSize.SIZE_4K, RWU);
                Long value = fill.apply(vm, i);
                if (value != null) {
                    for (int w = 0; w < 512; w += 64) {
                        m.writeGuestPhysical(vm, gpa + 8L * w, value + w);
                    }
                }
            }
        }
        return m;
    }

    static StepResult read(Machine m, int vm, int page) {
        return m.step(new Action.Access(vm, BASE + page * 4096L, AccessKind.READ, Privilege.USER, 0));
    }

    static StepResult write(Machine m, int vm, int page, long value) {
        return m.step(new Action.Access(vm, BASE + page * 4096L, AccessKind.WRITE, Privilege.USER, value));
    }

    static <T extends Event> List<T> of(StepResult r, Class<T> type) {
        return r.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The word at the start of a guest page as the guest would read it now, following EPT and swap. */
    static long firstWord(Machine m, int vm, int page) {
        StepResult r = read(m, vm, page);
        var t = of(r, org.memvirt.engine.event.Translated.class);
        return r.snapshot().memory().readWord(t.get(t.size() - 1).hpa());
    }

    /**
     * Frame conservation: frames in use equal those counted one by one, every guest page (by the
     * EPT under ESX, by memslot and host page table under KVM, where the EPT is only a cache) maps an
     * allocated frame, private frames are mapped once by their owner, shared frames by exactly
     * their reference count (plus pages held back as activity samples). Returns the problems.
     */
    static List<String> audit(Machine m) {
        var snap = m.snapshot();
        MemoryImage mem = snap.memory();
        List<String> problems = new java.util.ArrayList<>();
        int used = 0;
        int[] mapped = new int[mem.frameCount()];
        for (int pfn = 0; pfn < mem.frameCount(); pfn++) {
            if (!mem.frame(pfn).isFree()) {
                used++;
            }
        }
        if (used != mem.usedFrames() || used + mem.freeFrames() != mem.frameCount()) {
            problems.add("frames counted " + used + " but used=" + mem.usedFrames() + " free=" + mem.freeFrames());
        }
        for (var vm : snap.vms()) {
            long pages = vm.ramBytes() >>> 12;
            for (long gfn = 0; gfn < pages; gfn++) {
                long leaf = eptLeaf(mem, vm.eptRoot(), gfn << 12);
                var process = snap.hostProcess(vm.id());
                if (process != null) {
                    long hpa = org.memvirt.engine.BackingInvariant.hostAddress(mem, process, gfn << 12);
                    boolean readOnly = EptEntry.present(leaf) ? (EptEntry.rwx(leaf) & 2) == 0
                            : hpa >= 0 && mem.frame((int) (hpa >>> 12)).use() == FrameUse.SHARED;
                    leaf = hpa < 0 ? 0 : (hpa & EptEntry.ADDRESS_MASK) | (readOnly ? 5 : 7);
                }
                if (!EptEntry.present(leaf)) {
                    continue;
                }
                int pfn = (int) (EptEntry.address(leaf, 1) >>> 12);
                var f = mem.frame(pfn);
                if (f.isFree()) {
                    problems.add("VM " + vm.id() + " GPA 0x" + Long.toHexString(gfn << 12) + " maps free frame " + pfn);
                } else if (f.use() != FrameUse.SHARED && f.vm() != vm.id()) {
                    problems.add("VM " + vm.id() + " maps frame " + pfn + " owned by VM " + f.vm());
                } else if (f.use() == FrameUse.SHARED && (EptEntry.rwx(leaf) & 2) != 0) {
                    problems.add("shared frame " + pfn + " is writable by VM " + vm.id());
                }
                mapped[pfn]++;
            }
        }
        for (long hpa : snap.hostProcesses().isEmpty() ? m.heldSamples() : List.<Long>of()) {
            mapped[(int) (hpa >>> 12)]++;
        }
        for (int pfn = 0; pfn < mem.frameCount(); pfn++) {
            var f = mem.frame(pfn);
            if (f.use() == FrameUse.SHARED && mapped[pfn] != f.refs()) {
                problems.add("shared frame " + pfn + " has refs " + f.refs() + " but " + mapped[pfn] + " mappings");
            }
            if (f.use() == FrameUse.DATA && mapped[pfn] != 1) {
                problems.add("data frame " + pfn + " of VM " + f.vm() + " is mapped " + mapped[pfn] + " times");
            }
        }
        return problems;
    }

    static long eptLeaf(MemoryImage mem, long root, long gpa) {
        long table = root;
        for (int level = 4; level >= 1; level--) {
            long e = mem.readWord(table + 8L * Levels.index(gpa, level));
            if (!EptEntry.present(e) || EptEntry.isLeaf(e, level)) {
                return e;
            }
            table = EptEntry.address(e, level);
        }
        return 0;
    }
}
