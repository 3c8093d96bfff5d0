package org.memvirt.lesson;

import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.VmImage;
import org.memvirt.engine.memory.MemoryReader;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.RadixTable;
import org.memvirt.engine.paging.TableFormat;
import org.memvirt.engine.paging.TableSpace;

/**
 * Reads a snapshot's tables in software, as the guest kernel or the hypervisor would: a
 * process's guest table (through the VM's GPA → HPA map when there is one) and a VM's EPT. Used to complete an
 * entry edit written as "set these bits, clear those" from the entry's value at that moment.
 */
final class SnapshotTables {
    private final MachineSnapshot snapshot;

    SnapshotTables(MachineSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** A process's page table. */
    RadixTable guestTable(int vm, int pid) {
        VmImage v = snapshot.vm(vm);
        long root = v.processes().get(pid - 1).root();
        return new RadixTable(new GuestSpace(v), TableFormat.X86, snapshot.config().guestLevels(), root);
    }

    /**
     * A VM's GPA → HPA table in EPT format (the EPT under nested paging, the hypervisor's P2M map
     * under shadow paging), or null natively.
     */
    RadixTable ept(int vm) {
        VmImage v = snapshot.vm(vm);
        if (v.p2mRoot() < 0) {
            return null;
        }
        return new RadixTable(new HostSpace(snapshot.memory()), TableFormat.EPT, snapshot.config().hostLevels(),
                v.p2mRoot());
    }

    /** The 64-bit word at a guest-physical address of a VM (0 when nothing backs it). */
    long readGuest(int vm, long gpa) {
        return new GuestSpace(snapshot.vm(vm)).readEntry(gpa);
    }

    /** The 64-bit word at a host physical address. */
    long readHost(long hpa) {
        return new HostSpace(snapshot.memory()).readEntry(hpa);
    }

    /** Where a process maps {@code gva}, or null. */
    Mapping lookup(int vm, int pid, long gva) {
        return guestTable(vm, pid).lookup(gva);
    }

    /** Host memory as a read-only table space. */
    private static final class HostSpace implements TableSpace {
        private final MemoryReader memory;

        HostSpace(MemoryReader memory) {
            this.memory = memory;
        }

        @Override
        public long readEntry(long hpa) {
            if (hpa < 0 || (hpa >>> 12) >= memory.frameCount()) {
                return 0;
            }
            return memory.readWord(hpa & ~7L);
        }

        @Override
        public void writeEntry(long entryAddress, long value) {
            throw new UnsupportedOperationException("a snapshot is read-only");
        }

        @Override
        public long newTable() {
            throw new UnsupportedOperationException("a snapshot is read-only");
        }
    }

    /** A VM's guest-physical memory (natively: host memory) as a read-only table space. */
    private final class GuestSpace implements TableSpace {
        private final HostSpace host = new HostSpace(snapshot.memory());
        private final RadixTable ept;

        GuestSpace(VmImage vm) {
            this.ept = vm.p2mRoot() < 0 ? null
                    : new RadixTable(host, TableFormat.EPT, snapshot.config().hostLevels(), vm.p2mRoot());
        }

        @Override
        public long readEntry(long gpa) {
            if (ept == null) {
                return host.readEntry(gpa);
            }
            Mapping m = ept.lookup(gpa);
            return m == null ? 0 : host.readEntry(m.address());
        }

        @Override
        public void writeEntry(long entryAddress, long value) {
            throw new UnsupportedOperationException("a snapshot is read-only");
        }

        @Override
        public long newTable() {
            throw new UnsupportedOperationException("a snapshot is read-only");
        }
    }
}
