package org.memvirt.engine;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.host.HostProcessImage;
import org.memvirt.engine.host.Memslot;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.MemoryReader;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.TableFormat;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * "Nothing lost", checked on a snapshot: every frame holding a VM's data or guest tables is
 * reachable through the record the hypervisor keeps — memslot and host page table under KVM,
 * the P2M (here the EPT) under ESX — or is held as an idle-memory sample; every present EPT
 * leaf agrees with that record (under KVM the EPT is only its cache) or is KVM's MMIO marker
 * where no memslot is; and frames used plus free make the total.
 */
public final class BackingInvariant {
    private BackingInvariant() {
    }

    /** What is wrong with {@code s}; empty when every invariant holds. */
    public static List<String> violations(MachineSnapshot s) {
        MemoryReader mem = s.memory();
        List<String> problems = new ArrayList<>();
        int used = 0;
        for (int pfn = 0; pfn < mem.frameCount(); pfn++) {
            if (!mem.frame(pfn).isFree()) {
                used++;
            }
        }
        if (used != mem.usedFrames() || mem.usedFrames() + mem.freeFrames() != mem.frameCount()) {
            problems.add("frames: " + used + " allocated one by one, used " + mem.usedFrames() + " + free "
                    + mem.freeFrames() + " of " + mem.frameCount());
        }
        boolean[] reachable = new boolean[mem.frameCount()];
        for (long hpa : s.heldSamples()) {
            reachable[(int) (hpa >>> 12)] = true;
        }
        for (VmImage vm : s.vms()) {
            if (vm.id() == 0 || vm.p2mRoot() < 0) {
                continue;
            }
            HostProcessImage process = s.hostProcess(vm.id());
            if (process != null) {
                leaves(mem, TableFormat.X86, process.pageTableRoot(), 4, (hva, level, e) -> {
                    Memslot slot = slotOfHva(process, hva);
                    if (slot == null) {
                        problems.add(String.format("VM %d: host PTE for hVA 0x%x outside every memslot", vm.id(), hva));
                    }
                    markOwned(mem, problems, reachable, vm.id(), e & EptEntry.ADDRESS_MASK, level,
                            String.format("hVA 0x%x", hva));
                });
            }
            leaves(mem, TableFormat.EPT, vm.p2mRoot(), s.config().hostLevels(), (gpa, level, e) -> {
                if (EptEntry.rwx(e) == Hypervisor.MMIO_RIGHTS && (e & EptEntry.ADDRESS_MASK) == 0) {
                    if (process != null && process.memslot(gpa) != null) {
                        problems.add(String.format("VM %d: MMIO marker at GPA 0x%x inside a memslot", vm.id(), gpa));
                    }
                    return;
                }
                long hpa = EptEntry.address(e, level);
                if (process == null) {
                    markOwned(mem, problems, reachable, vm.id(), hpa, level, String.format("GPA 0x%x", gpa));
                    return;
                }
                long truth = hostAddress(mem, process, gpa);
                if (truth != hpa) {
                    problems.add(String.format("VM %d: EPT maps GPA 0x%x to 0x%x, memslot and host page table say 0x%x",
                            vm.id(), gpa, hpa, truth));
                }
            });
        }
        for (int pfn = 0; pfn < mem.frameCount(); pfn++) {
            Frame f = mem.frame(pfn);
            if ((f.use() == FrameUse.DATA || f.use() == FrameUse.GUEST_TABLE) && f.vm() > 0 && !reachable[pfn]) {
                problems.add("frame " + pfn + " (" + f.use() + " of VM " + f.vm() + ") is reachable from no guest page: "
                        + "leaked");
            }
        }
        return problems;
    }

    private interface Leaf {
        void at(long address, int level, long entry);
    }

    private static void markOwned(MemoryReader mem, List<String> problems, boolean[] reachable, int vm, long hpa,
                                  int level, String where) {
        int first = (int) (hpa >>> 12);
        int frames = PageSize.ofLeafLevel(level).frames();
        for (int pfn = first; pfn < first + frames; pfn++) {
            Frame f = mem.frame(pfn);
            if (f.isFree()) {
                problems.add("VM " + vm + ": " + where + " maps free frame " + pfn);
            } else if (f.use() != FrameUse.SHARED && f.vm() != vm) {
                problems.add("VM " + vm + ": " + where + " maps frame " + pfn + " of VM " + f.vm());
            }
            reachable[pfn] = true;
        }
    }

    private static Memslot slotOfHva(HostProcessImage p, long hva) {
        for (Memslot s : p.memslots()) {
            if (hva >= s.userAddress() && hva - s.userAddress() < s.pages() << 12) {
                return s;
            }
        }
        return null;
    }

    /** GPA → HVA → HPA by the snapshot's memslots and host page table; -1 when not present. */
    public static long hostAddress(MemoryReader mem, HostProcessImage p, long gpa) {
        Memslot slot = p.memslot(gpa);
        if (slot == null) {
            return -1;
        }
        long hva = slot.hva(gpa);
        long table = p.pageTableRoot();
        for (int level = 4; level >= 1; level--) {
            long e = mem.readWord(table + 8L * Levels.index(hva, level));
            if (!TableFormat.X86.present(e)) {
                return -1;
            }
            if (TableFormat.X86.isLeaf(e, level)) {
                return TableFormat.X86.address(e, level) | (hva & PageSize.ofLeafLevel(level).offsetMask());
            }
            table = TableFormat.X86.address(e, level);
        }
        return -1;
    }

    private static void leaves(MemoryReader mem, TableFormat format, long root, int levels, Leaf leaf) {
        visit(mem, format, root, levels, 0, leaf);
    }

    private static void visit(MemoryReader mem, TableFormat format, long table, int level, long base, Leaf leaf) {
        for (int i = 0; i < 512; i++) {
            long e = mem.readWord(table + 8L * i);
            if (!format.present(e)) {
                continue;
            }
            long address = base | ((long) i << (12 + 9 * (level - 1)));
            if (format.isLeaf(e, level)) {
                leaf.at(address, level, e);
            } else {
                visit(mem, format, format.address(e, level), level - 1, address, leaf);
            }
        }
    }
}
