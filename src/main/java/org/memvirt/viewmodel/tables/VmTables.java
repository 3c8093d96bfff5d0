package org.memvirt.viewmodel.tables;

import java.util.List;

import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.VmImage;
import org.memvirt.engine.mmu.PagingMode;

/**
 * The tables of one VM at one step, and how to read them: which kinds of table the paging mode
 * has, the memory each lives in, their levels.
 */
final class VmTables {
    private final MachineSnapshot snapshot;
    private final VmImage vm;
    private final TableMemory guestMemory;
    private final TableMemory hostMemory;

    VmTables(MachineSnapshot snapshot, int vmId) {
        this.snapshot = snapshot;
        this.vm = snapshot.vm(vmId);
        this.hostMemory = TableMemory.host(snapshot.memory());
        this.guestMemory = mode() == PagingMode.NATIVE || vm.p2mRoot() < 0 ? hostMemory
                : TableMemory.guest(snapshot.memory(), vm.p2mRoot(), hostLevels());
    }

    MachineSnapshot snapshot() {
        return snapshot;
    }

    VmImage vm() {
        return vm;
    }

    PagingMode mode() {
        return snapshot.config().mode();
    }

    int guestLevels() {
        return snapshot.config().guestLevels();
    }

    int hostLevels() {
        return snapshot.config().hostLevels();
    }

    /** GUEST, or NATIVE on an unvirtualized machine. */
    TableKind guestKind() {
        return mode() == PagingMode.NATIVE ? TableKind.NATIVE : TableKind.GUEST;
    }

    /** EPT under nested paging, P2M under shadow paging, null natively. */
    TableKind hostKind() {
        return switch (mode()) {
            case NATIVE -> null;
            case NESTED -> TableKind.EPT;
            case SHADOW -> TableKind.P2M;
        };
    }

    /** The kinds of table shown, left to right: under shadow paging the shadow sits between its two sources. */
    List<TableKind> columns() {
        return switch (mode()) {
            case NATIVE -> List.of(TableKind.NATIVE);
            case NESTED -> List.of(TableKind.GUEST, TableKind.EPT);
            case SHADOW -> List.of(TableKind.GUEST, TableKind.SHADOW, TableKind.P2M);
        };
    }

    /** Where tables of {@code kind} are read. */
    TableMemory memory(TableKind kind) {
        return kind == TableKind.GUEST ? guestMemory : hostMemory;
    }

    int levels(TableKind kind) {
        return kind.eptFormat() ? hostLevels() : guestLevels();
    }

    /** The host root of the P2M or EPT, or -1 natively. */
    long p2mRoot() {
        return vm.p2mRoot();
    }

    /** The software walk of the guest table rooted at {@code cr3} for {@code gva}. */
    List<TableMemory.Step> guestWalk(long cr3, long gva) {
        return TableMemory.walk(guestMemory, cr3, guestLevels(), gva, false);
    }

    /** The software walk of the P2M for {@code gpa}; empty natively. */
    List<TableMemory.Step> p2mWalk(long gpa) {
        if (hostKind() == null || p2mRoot() < 0) {
            return List.of();
        }
        return TableMemory.walk(hostMemory, p2mRoot(), hostLevels(), gpa, true);
    }

    /** The P2M (or EPT) leaf entry that maps {@code gpa}, or null when none does. */
    EntryRef p2mLeaf(long gpa) {
        List<TableMemory.Step> walk = p2mWalk(gpa);
        if (walk.isEmpty()) {
            return null;
        }
        TableMemory.Step last = walk.get(walk.size() - 1);
        return last.present() && last.leaf() ? new EntryRef(hostKind(), last.entryAddress()) : null;
    }

    /** The shadow root for guest CR3 {@code cr3}, or -1 when the hypervisor keeps none. */
    long shadowRoot(long cr3) {
        Long root = vm.shadowRoots().get(cr3);
        return root == null ? -1 : root;
    }
}
