package org.memvirt.viewmodel.tables;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.memory.MemoryImage;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.X86Entry;

/**
 * Reads tables as the hypervisor would, in software, from one step's host memory: host tables at
 * their host addresses, guest tables at guest-physical addresses translated through the VM's
 * P2M (the EPT-format table the hypervisor keeps under nested and shadow paging alike). Reading
 * never changes anything: no accessed bits, no faults.
 */
final class TableMemory {
    private final MemoryImage host;
    private final long p2mRoot;
    private final int hostLevels;

    private TableMemory(MemoryImage host, long p2mRoot, int hostLevels) {
        this.host = host;
        this.p2mRoot = p2mRoot;
        this.hostLevels = hostLevels;
    }

    /** Tables whose addresses are host addresses: EPT, P2M, shadow, native. */
    static TableMemory host(MemoryImage host) {
        return new TableMemory(host, -1, 0);
    }

    /** Tables whose addresses are a VM's guest-physical addresses, reached through its P2M. */
    static TableMemory guest(MemoryImage host, long p2mRoot, int hostLevels) {
        if (p2mRoot < 0) {
            throw new IllegalArgumentException("a guest table needs the VM's P2M root");
        }
        return new TableMemory(host, p2mRoot, hostLevels);
    }

    /** The host address behind {@code address} of this space, or -1 when no host memory backs it. */
    long hostAddress(long address) {
        if (address < 0) {
            return -1;
        }
        if (p2mRoot < 0) {
            return inHostMemory(address) ? address : -1;
        }
        List<Step> walk = walk(host(host), p2mRoot, hostLevels, address, true);
        Step last = walk.isEmpty() ? null : walk.get(walk.size() - 1);
        if (last == null || !last.present() || !last.leaf()) {
            return -1;
        }
        long hpa = last.target() + (address & (Levels.span(last.level()) - 1));
        return inHostMemory(hpa) ? hpa : -1;
    }

    /** The 512 raw entries of the table at {@code address}, or null when it is not in host memory. */
    long[] table(long address) {
        long base = hostAddress(address & ~0xFFFL);
        if (base < 0) {
            return null;
        }
        long[] entries = new long[512];
        for (int i = 0; i < 512; i++) {
            entries[i] = host.readWord(base + 8L * i);
        }
        return entries;
    }

    /** The entry at {@code address} of this space, or 0 when it cannot be read. */
    long word(long address) {
        long hpa = hostAddress(address & ~7L);
        return hpa < 0 ? 0 : host.readWord(hpa);
    }

    private boolean inHostMemory(long hpa) {
        return hpa >= 0 && (hpa >>> 12) < host.frameCount();
    }

    /**
     * The entries a walk from {@code root} for {@code address} reads, top level first, up to the
     * leaf or the first entry that is not present (or a table that cannot be read).
     *
     * @param memory where the tables are
     * @param ept    whether the entries use the EPT layout
     */
    static List<Step> walk(TableMemory memory, long root, int levels, long address, boolean ept) {
        List<Step> steps = new ArrayList<>();
        long table = root & ~0xFFFL;
        for (int level = levels; level >= 1; level--) {
            int index = Levels.index(address, level);
            long entryAddress = table + 8L * index;
            if (memory.hostAddress(entryAddress) < 0) {
                break;
            }
            long value = memory.word(entryAddress);
            boolean present = ept ? EptEntry.present(value) : X86Entry.present(value);
            boolean leaf = present && (ept ? EptEntry.isLeaf(value, level) : X86Entry.isLeaf(value, level));
            long target = !present ? -1 : ept ? EptEntry.address(value, level) : X86Entry.address(value, level);
            steps.add(new Step(level, table, index, entryAddress, value, present, leaf, target));
            if (!present || leaf) {
                break;
            }
            table = target;
        }
        return steps;
    }

    /**
     * One entry a software walk read.
     *
     * @param target the table or page it points to, or -1 when not present
     */
    record Step(int level, long tableAddress, int index, long entryAddress, long value, boolean present,
                boolean leaf, long target) {
    }

    /** The address a completed walk translates {@code address} to, or -1. */
    static long translate(List<Step> walk, long address) {
        if (walk.isEmpty()) {
            return -1;
        }
        Step last = walk.get(walk.size() - 1);
        return last.present() && last.leaf() ? last.target() + (address & (Levels.span(last.level()) - 1)) : -1;
    }
}
