package org.memvirt.engine;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.memory.MemoryReader;

/**
 * An independent model of the hardware walks the engine must reproduce, written from the
 * SDM bit layouts with its own masks (it uses none of the engine's entry helpers, walkers or
 * caches). It reads raw 64-bit words out of a host memory image and records, in hardware
 * order, every entry read: for a nested walk, the EPT walk of each guest table's GPA (CR3
 * included) before that table's entry is read, then the EPT walk of the final data GPA.
 */
final class ReferenceWalker {
    /** Address bits 12..51 of an entry (x86-64 and EPT alike). */
    static final long ADDRESS = 0x000F_FFFF_FFFF_F000L;
    private static final long X86_PRESENT = 1;
    private static final long X86_PS = 1 << 7;
    private static final long EPT_RWX = 7;
    private static final long EPT_LARGE = 1 << 7;

    /**
     * One expected memory reference.
     *
     * @param dimension     "GUEST", "HOST" or "NATIVE", as the engine's {@code Dimension} names them
     * @param level         the level of the table read
     * @param forGuestLevel for a host reference the guest level whose table it locates (0 = data)
     * @param table         the table's address (GPA for guest tables, HPA otherwise)
     * @param index         the entry index
     */
    record Ref(String dimension, int level, int forGuestLevel, long table, int index) {
    }

    /**
     * What a walk found.
     *
     * @param gpa              the guest-physical (natively: physical) address
     * @param hpa              the host physical address
     * @param refs             every reference, in order
     * @param guestLevelsUsed  guest (or native) entries read: n_used
     * @param hostDepths       host references per translated GPA: the d_i
     */
    record Walk(long gpa, long hpa, List<Ref> refs, int guestLevelsUsed, List<Integer> hostDepths) {
        /** n_used + Σ d_i. */
        int formula() {
            return guestLevelsUsed + hostDepths.stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final MemoryReader memory;

    ReferenceWalker(MemoryReader memory) {
        this.memory = memory;
    }

    static int index(long address, int level) {
        return (int) ((address >>> (12 + 9 * (level - 1))) & 0x1FF);
    }

    static long pageMask(int leafLevel) {
        return (1L << (12 + 9 * (leafLevel - 1))) - 1;
    }

    /** The nested (2D) walk of {@code gva}: guest table rooted at GPA {@code cr3}, EPT at HPA {@code eptRoot}. */
    Walk nested(long cr3, int guestLevels, long eptRoot, int hostLevels, long gva) {
        List<Ref> refs = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        long table = cr3;
        int used = 0;
        for (int level = guestLevels; level >= 1; level--) {
            long tableHpa = ept(eptRoot, hostLevels, table, level, refs, depths);
            int i = index(gva, level);
            long e = memory.readWord(tableHpa + 8L * i);
            refs.add(new Ref("GUEST", level, level, table, i));
            used++;
            if ((e & X86_PRESENT) == 0) {
                throw new IllegalStateException(String.format("model: guest level %d entry of 0x%x not present",
                        level, gva));
            }
            if (level == 1 || ((level == 2 || level == 3) && (e & X86_PS) != 0)) {
                long mask = pageMask(level);
                long gpa = (e & ADDRESS & ~mask) | (gva & mask);
                long hpa = ept(eptRoot, hostLevels, gpa, 0, refs, depths);
                return new Walk(gpa, hpa, List.copyOf(refs), used, List.copyOf(depths));
            }
            table = e & ADDRESS;
        }
        throw new IllegalStateException("model: guest walk fell off level 1");
    }

    /** The one-dimensional walk of {@code va} from physical {@code cr3}. */
    Walk flat(long cr3, int levels, long va) {
        List<Ref> refs = new ArrayList<>();
        long table = cr3;
        for (int level = levels; level >= 1; level--) {
            int i = index(va, level);
            long e = memory.readWord(table + 8L * i);
            refs.add(new Ref("NATIVE", level, level, table, i));
            if ((e & X86_PRESENT) == 0) {
                throw new IllegalStateException(String.format("model: level %d entry of 0x%x not present", level,
                        va));
            }
            if (level == 1 || ((level == 2 || level == 3) && (e & X86_PS) != 0)) {
                long mask = pageMask(level);
                long pa = (e & ADDRESS & ~mask) | (va & mask);
                return new Walk(pa, pa, List.copyOf(refs), refs.size(), List.of());
            }
            table = e & ADDRESS;
        }
        throw new IllegalStateException("model: walk fell off level 1");
    }

    /** The EPT translation of {@code gpa} alone, without recording anything. */
    long eptTranslate(long eptRoot, int hostLevels, long gpa) {
        return ept(eptRoot, hostLevels, gpa, 0, new ArrayList<>(), new ArrayList<>());
    }

    /** The level whose EPT entry maps {@code gpa} (1 = 4 KiB, 2 = 2 MiB, 3 = 1 GiB). */
    int eptLeafLevel(long eptRoot, int hostLevels, long gpa) {
        List<Ref> refs = new ArrayList<>();
        ept(eptRoot, hostLevels, gpa, 0, refs, new ArrayList<>());
        return refs.get(refs.size() - 1).level();
    }

    /** The address of the EPT entry at {@code level} on the path of {@code gpa}. */
    long eptEntryAddress(long eptRoot, int hostLevels, long gpa, int level) {
        long table = eptRoot;
        for (int l = hostLevels; l > level; l--) {
            table = memory.readWord(table + 8L * index(gpa, l)) & ADDRESS;
        }
        return table + 8L * index(gpa, level);
    }

    private long ept(long root, int levels, long gpa, int forGuestLevel, List<Ref> refs, List<Integer> depths) {
        long table = root;
        int depth = 0;
        for (int level = levels; level >= 1; level--) {
            int i = index(gpa, level);
            long e = memory.readWord(table + 8L * i);
            refs.add(new Ref("HOST", level, forGuestLevel, table, i));
            depth++;
            if ((e & EPT_RWX) == 0) {
                throw new IllegalStateException(String.format("model: EPT level %d entry of GPA 0x%x not present",
                        level, gpa));
            }
            if (level == 1 || ((level == 2 || level == 3) && (e & EPT_LARGE) != 0)) {
                long mask = pageMask(level);
                depths.add(depth);
                return (e & ADDRESS & ~mask) | (gpa & mask);
            }
            table = e & ADDRESS;
        }
        throw new IllegalStateException("model: EPT walk fell off level 1");
    }
}
