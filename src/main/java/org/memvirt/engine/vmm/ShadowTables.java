package org.memvirt.engine.vmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SyncKind;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.X86Entry;

/**
 * The bookkeeping behind a VM's shadow tables: shadow pages found by guest frame and role, the
 * reverse map from guest frames to the shadow leaves that map them, and the set of guest frames
 * that must stay write-protected because a shadow page mirrors them. Zapping an entry frees the
 * shadow pages nothing refers to any more, and a guest table nothing shadows is unprotected.
 */
final class ShadowTables {
    private final int vm;
    private final HostMemory memory;
    private final Map<ShadowPage.Role, ShadowPage> byRole = new LinkedHashMap<>();
    private final Map<Long, ShadowPage> byHpa = new HashMap<>();
    private final Map<Long, Set<Long>> leavesByGfn = new HashMap<>();
    private final Map<Long, Long> gfnOfLeaf = new HashMap<>();
    private final Map<Long, Integer> protectedGfns = new HashMap<>();

    ShadowTables(int vm, HostMemory memory) {
        this.vm = vm;
        this.memory = memory;
    }

    ShadowPage byHpa(long hpa) {
        return byHpa.get(hpa);
    }

    /** All shadow pages, oldest first. */
    List<ShadowPage> pages() {
        return new ArrayList<>(byRole.values());
    }

    /** Shadow pages (of any role) that mirror the guest table at {@code gfn}. */
    List<ShadowPage> mirroring(long gfn) {
        List<ShadowPage> list = new ArrayList<>();
        for (ShadowPage sp : byRole.values()) {
            if (!sp.role.direct() && sp.role.gfn() == gfn) {
                list.add(sp);
            }
        }
        return list;
    }

    boolean isProtected(long gfn) {
        return protectedGfns.containsKey(gfn);
    }

    /** Guest frames currently write-protected, in order. */
    Set<Long> protectedGfns() {
        return new TreeSet<>(protectedGfns.keySet());
    }

    /** The shadow page of a role, created (empty, its guest table protected) when missing. */
    ShadowPage obtain(ShadowPage.Role role, EventSink sink, Runnable flushTlb) {
        ShadowPage sp = byRole.get(role);
        if (sp != null) {
            return sp;
        }
        int pfn = memory.allocate(FrameUse.SHADOW_TABLE, vm);
        sp = new ShadowPage(role, HostMemory.addressOf(pfn));
        byRole.put(role, sp);
        byHpa.put(sp.hpa, sp);
        if (sink.recording()) {
            sink.emit(new FrameAlloc(pfn, 1, FrameUse.SHADOW_TABLE.name(), vm));
        }
        if (!role.direct()) {
            protect(role.gfn(), sink, flushTlb);
        }
        return sp;
    }

    /** Counts one more shadow page mirroring {@code gfn}; the first makes every leaf mapping it read-only. */
    void protect(long gfn, EventSink sink, Runnable flushTlb) {
        int count = protectedGfns.merge(gfn, 1, Integer::sum);
        if (count > 1) {
            return;
        }
        for (long spte : new ArrayList<>(leavesByGfn.getOrDefault(gfn, Set.of()))) {
            long e = memory.readWord(spte);
            if ((e & X86Entry.RW) != 0) {
                memory.writeWord(spte, e & ~X86Entry.RW);
            }
        }
        zapLargeLeavesCovering(gfn, sink);
        flushTlb.run();
        if (sink.recording()) {
            sink.emit(new ShadowSync(vm, SyncKind.WRITE_PROTECT, -1, 0, -1, 0, gfn << 12, 0, String.format(
                    "guest page 0x%x holds a shadowed table: every shadow mapping of it is now read-only", gfn << 12)));
        }
    }

    /** Counts one shadow page fewer mirroring {@code gfn}; at zero the page may be written again. */
    void unprotect(long gfn, String why, EventSink sink) {
        Integer count = protectedGfns.get(gfn);
        if (count == null) {
            return;
        }
        if (count > 1) {
            protectedGfns.put(gfn, count - 1);
            return;
        }
        protectedGfns.remove(gfn);
        if (sink.recording()) {
            sink.emit(new ShadowSync(vm, SyncKind.UNPROTECT, -1, 0, -1, 0, gfn << 12, 0, why));
        }
    }

    /** Records that the leaf at {@code spte} maps guest frame {@code gfn}. */
    void addLeaf(long spte, long gfn) {
        Long old = gfnOfLeaf.put(spte, gfn);
        if (old != null && old != gfn) {
            leavesByGfn.getOrDefault(old, new LinkedHashSet<>()).remove(spte);
        }
        leavesByGfn.computeIfAbsent(gfn, k -> new LinkedHashSet<>()).add(spte);
    }

    /** Points the non-leaf entry at {@code spte} to {@code child}. */
    void link(long spte, ShadowPage child) {
        memory.writeWord(spte, X86Entry.table(child.hpa));
        child.parents.add(spte);
    }

    /**
     * Clears one shadow entry. A cleared leaf leaves the reverse map; a cleared link drops the
     * child's parent reference, freeing the child when nothing else refers to it.
     */
    void zapEntry(long spte, int level, EventSink sink) {
        long e = memory.readWord(spte);
        if (!X86Entry.present(e)) {
            return;
        }
        memory.writeWord(spte, 0);
        if (X86Entry.isLeaf(e, level)) {
            Long gfn = gfnOfLeaf.remove(spte);
            if (gfn != null) {
                Set<Long> set = leavesByGfn.get(gfn);
                if (set != null) {
                    set.remove(spte);
                    if (set.isEmpty()) {
                        leavesByGfn.remove(gfn);
                    }
                }
            }
            return;
        }
        ShadowPage child = byHpa.get(X86Entry.address(e, level));
        if (child != null) {
            child.parents.remove(spte);
            if (!child.inUse()) {
                free(child, sink);
            }
        }
    }

    /** Frees a shadow page nothing refers to: clears its entries, returns its frame, unprotects its guest table. */
    void free(ShadowPage sp, EventSink sink) {
        for (int i = 0; i < 512; i++) {
            zapEntry(sp.hpa + 8L * i, sp.role.level(), sink);
        }
        byRole.remove(sp.role);
        byHpa.remove(sp.hpa);
        int pfn = HostMemory.frameOf(sp.hpa);
        memory.free(pfn);
        if (sink.recording()) {
            sink.emit(new FrameFree(pfn, FrameUse.SHADOW_TABLE.name(), vm));
        }
        if (!sp.role.direct() && !sp.unsync) {
            unprotect(sp.role.gfn(), String.format(
                    "no shadow page mirrors guest table 0x%x any more: it may be written freely", sp.role.gfn() << 12),
                    sink);
        }
    }

    /** Unlinks a shadow page from every parent entry (it is freed once unreferenced). */
    void detach(ShadowPage sp, EventSink sink) {
        for (long parent : new ArrayList<>(sp.parents)) {
            zapEntry(parent, sp.role.level() + 1, sink);
        }
    }

    private void zapLargeLeavesCovering(long gfn, EventSink sink) {
        for (long base : new long[] {gfn & ~0x1FFL, gfn & ~0x3FFFFL}) {
            if (base == gfn) {
                continue;
            }
            for (long spte : new ArrayList<>(leavesByGfn.getOrDefault(base, Set.of()))) {
                long e = memory.readWord(spte);
                if ((e & X86Entry.PS) != 0) {
                    zapEntry(spte, 2, sink);
                }
            }
        }
    }
}
