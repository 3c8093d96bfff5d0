package org.memvirt.viewmodel.memory;

import java.util.Arrays;

import org.memvirt.engine.memory.MemoryReader;
import org.memvirt.engine.memory.Page;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;

/**
 * Which host frame backs each guest-physical page of a VM, read from the hypervisor's GPA → HPA
 * table (the EPT, or under shadow paging the table only the hypervisor walks) as it lies in host
 * memory. The walk visits present entries only, so it costs a few thousand reads for a small VM.
 */
final class Backing {
    private Backing() {
    }

    /**
     * @param memory   host memory at one step
     * @param root     host address of the table's root, or -1 when there is none
     * @param levels   its levels (4 or 5)
     * @param ramPages the VM's RAM in 4 KiB pages
     * @return the frame number behind each guest page frame number, -1 where none
     */
    static int[] of(MemoryReader memory, long root, int levels, int ramPages) {
        int[] pfn = new int[ramPages];
        Arrays.fill(pfn, -1);
        if (root >= 0) {
            visit(memory, root, levels, 0, pfn);
        }
        return pfn;
    }

    private static void visit(MemoryReader memory, long table, int level, long base, int[] out) {
        Page page = memory.page((int) (table >>> 12));
        long span = Levels.span(level);
        for (int i = 0; i < Page.WORDS; i++) {
            long gpa = base + i * span;
            if ((gpa >>> 12) >= out.length) {
                return;
            }
            long e = page.word(i);
            if (!EptEntry.present(e)) {
                continue;
            }
            long address = EptEntry.address(e, level);
            if (EptEntry.isLeaf(e, level)) {
                long first = gpa >>> 12;
                long frames = span >>> 12;
                int frame = (int) (address >>> 12);
                for (long k = 0; k < frames && first + k < out.length; k++) {
                    out[(int) (first + k)] = frame + (int) k;
                }
            } else {
                visit(memory, address, level - 1, gpa, out);
            }
        }
    }
}
