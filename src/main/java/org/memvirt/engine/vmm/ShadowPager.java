package org.memvirt.engine.vmm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SyncKind;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.mmu.Rights;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.X86Entry;

/**
 * Shadow paging for one VM, after KVM's shadow MMU. The hardware walks only GVA→HPA shadow
 * tables that the hypervisor builds on demand: a fault on the shadow table exits, the hypervisor
 * walks the guest table in software and either fills the shadow entry (a hidden fault) or injects
 * the fault. Guest tables that a shadow mirrors are write-protected, so a guest store to them traps
 * and is emulated, and the shadow entries derived from the changed entry are updated or zapped.
 * A CR3 write switches shadow roots; up to {@link ShadowPolicy#roots()} are cached.
 */
public final class ShadowPager {
    private final int vm;
    private final HostMemory memory;
    private final Hypervisor hypervisor;
    private final ShadowPolicy policy;
    private final int levels;
    private final Runnable flushTlb;
    private final ShadowTables tables;
    private final GuestMemoryAccess guest;
    private final LinkedHashMap<Long, ShadowPage> roots = new LinkedHashMap<>(8, 0.75f, true);
    private long currentCr3 = -1;

    /**
     * @param levels   the guest's paging levels (the shadow has as many)
     * @param flushTlb invalidates the VM's TLB entries after a shadow entry changes
     */
    public ShadowPager(int vm, HostMemory memory, Hypervisor hypervisor, ShadowPolicy policy, int levels,
                       Runnable flushTlb) {
        this.vm = vm;
        this.memory = memory;
        this.hypervisor = hypervisor;
        this.policy = policy;
        this.levels = levels;
        this.flushTlb = flushTlb;
        this.tables = new ShadowTables(vm, memory);
        this.guest = new GuestMemoryAccess() {
            @Override
            public long read(long gpa) {
                long hpa = hypervisor.hostAddress(vm, gpa);
                return hpa < 0 ? 0 : memory.readWord(hpa);
            }

            @Override
            public void write(long gpa, long value) {
                memory.writeWord(hypervisor.back(vm, gpa, FrameUse.DATA, EventSink.COUNTING), value);
            }
        };
    }

    /** The shadow root the hardware's CR3 holds, or -1 before the first switch. */
    public long currentRoot() {
        ShadowPage root = roots.get(currentCr3);
        return root == null ? -1 : root.hpa;
    }

    /** Guest CR3 (GPA) to shadow root (HPA) for every cached root, least recently used first. */
    public Map<Long, Long> roots() {
        Map<Long, Long> m = new LinkedHashMap<>();
        roots.forEach((cr3, sp) -> m.put(cr3, sp.hpa));
        return m;
    }

    /** Guest frames write-protected because a shadow mirrors them. */
    public java.util.Set<Long> writeProtectedGfns() {
        return tables.protectedGfns();
    }

    /** Whether a guest store to {@code gpa} must trap: its page holds a shadowed guest table. */
    public boolean isWriteProtected(long gpa) {
        return tables.isProtected(gpa >>> 12);
    }

    /**
     * The guest wrote CR3 (exit reason 28): load the shadow root for {@code cr3}, reusing a
     * cached one or starting an empty one, and drop the least recently used beyond the policy.
     */
    public void switchRoot(long cr3, EventSink sink) {
        long key = cr3 & X86Entry.ADDRESS_MASK;
        ShadowPage root = roots.get(key);
        String how;
        if (root != null) {
            how = "cached shadow root reused: no rebuilding";
        } else {
            root = tables.obtain(new ShadowPage.Role(key >>> 12, levels, Rights.ALL, false), sink, flushTlb);
            root.rootCount++;
            roots.put(key, root);
            how = "new empty shadow root: it fills again on demand";
        }
        currentCr3 = key;
        if (sink.recording()) {
            sink.emit(new ShadowSync(vm, SyncKind.ROOT_SWITCH, -1, levels, root.hpa, 0, key, 0,
                    String.format("guest CR3 0x%x → shadow root 0x%x (%s)", key, root.hpa, how)));
        }
        while (roots.size() > policy.roots()) {
            long oldest = roots.keySet().iterator().next();
            ShadowPage dropped = roots.remove(oldest);
            dropped.rootCount--;
            if (sink.recording()) {
                sink.emit(new ShadowSync(vm, SyncKind.ROOT_DROP, -1, levels, dropped.hpa, 0, oldest, 0,
                        String.format("dropped the shadow root of guest CR3 0x%x (keeping %d)", oldest,
                                policy.roots())));
            }
            if (!dropped.inUse()) {
                tables.free(dropped, sink);
            }
        }
        resyncAll(sink);
    }

    /**
     * A page fault on the shadow table (exit reason 0). Walks the guest table in software as the
     * hardware would (setting guest A/D), then fills the shadow path or reports what to do.
     */
    public ShadowFault onPageFault(long gva, AccessKind kind, Privilege privilege, EventSink sink) {
        GuestWalk walk = GuestWalk.of(guest, currentCr3, levels, gva, kind, privilege);
        if (walk.faultCode() >= 0) {
            return new ShadowFault(ShadowFault.Outcome.INJECTED, walk.faultCode(), -1, walk.faultReason());
        }
        walk.setAccessedDirty(guest, kind);
        long gpa = walk.gpa();
        Mapping host = hostMapping(gpa, sink);
        if (kind == AccessKind.WRITE && tables.isProtected(gpa >>> 12)) {
            return new ShadowFault(ShadowFault.Outcome.EMULATE_STORE, 0, gpa,
                    String.format("store to guest page 0x%x, which holds a shadowed table", gpa & ~0xFFFL));
        }
        int hostLeafLevel = host.size().leafLevel();
        int shadowLeaf = Math.min(walk.leafLevel(), hostLeafLevel);
        if (shadowLeaf > 1 && walk.largeRegionHasProtectedFrame(tables, shadowLeaf)) {
            shadowLeaf = 1;
        }
        ShadowPage sp = roots.get(currentCr3);
        long access = Rights.ALL;
        for (int level = levels; level > shadowLeaf; level--) {
            sp.writeFlood = 0;
            long spte = sp.hpa + 8L * Levels.index(gva, level);
            if (level >= walk.leafLevel()) {
                access = Rights.fold(access, walk.entry(level));
            }
            long e = memory.readWord(spte);
            if (X86Entry.present(e)) {
                sp = tables.byHpa(X86Entry.address(e, level));
                continue;
            }
            ShadowPage.Role role = level - 1 >= walk.leafLevel()
                    ? new ShadowPage.Role(X86Entry.address(walk.entry(level), level) >>> 12, level - 1, access, false)
                    : new ShadowPage.Role((gpa & ~(Levels.span(level) - 1)) >>> 12, level - 1, access, true);
            ShadowPage child = tables.obtain(role, sink, flushTlb);
            tables.link(spte, child);
            emitFill(gva, level, spte, walk, Math.max(level, walk.leafLevel()), sink);
            sp = child;
        }
        sp.writeFlood = 0;
        long spte = sp.hpa + 8L * Levels.index(gva, shadowLeaf);
        long leaf = leafEntry(walk.rights(), walk.leafEntry(), gpa, host, shadowLeaf);
        memory.writeWord(spte, leaf);
        tables.addLeaf(spte, (gpa & ~(Levels.span(shadowLeaf) - 1)) >>> 12);
        emitFill(gva, shadowLeaf, spte, walk, walk.leafLevel(), sink);
        return new ShadowFault(ShadowFault.Outcome.FILLED, 0, gpa, String.format(
                "hidden fault: filled the shadow entry for 0x%x from the guest entry and the host frame", gva));
    }

    /**
     * A trapped guest store to a write-protected guest table: performs it in guest memory, then
     * updates or zaps each shadow entry derived from the changed entry. Repeated stores with no
     * use in between stop the shadowing of that table (write flooding); with unsync allowed a
     * leaf table simply goes out of sync until the next INVLPG or flush.
     */
    public void emulateStore(long gpa, long value, EventSink sink) {
        long entryGpa = gpa & ~7L;
        guest.write(entryGpa, value);
        int index = (int) ((entryGpa & 0xFFF) >>> 3);
        for (ShadowPage sp : tables.mirroring(entryGpa >>> 12)) {
            if (sp.unsync) {
                continue;
            }
            sp.writeFlood++;
            if (sp.writeFlood >= policy.floodThreshold() && sp.rootCount == 0) {
                emit(sink, SyncKind.ZAP, -1, sp.role.level(), sp.hpa, 0, entryGpa, value, String.format(
                        "write flooding: %d stores to guest table 0x%x with no use in between; stopped shadowing it",
                        sp.writeFlood, entryGpa & ~0xFFFL));
                tables.detach(sp, sink);
                continue;
            }
            if (policy.unsync() && sp.role.level() == 1) {
                sp.unsync = true;
                tables.unprotect(sp.role.gfn(), String.format(
                        "guest PT 0x%x goes out of sync: stores no longer trap until the next INVLPG or flush",
                        entryGpa & ~0xFFFL), sink);
                continue;
            }
            sync(sp, index, value, sink);
        }
        flushTlb.run();
    }

    /** INVLPG (exit reason 14): drops the shadow leaf of {@code gva} and resyncs out-of-sync tables. */
    public void invalidatePage(long gva, EventSink sink) {
        resyncAll(sink);
        ShadowPage sp = roots.get(currentCr3);
        for (int level = levels; level >= 1 && sp != null; level--) {
            long spte = sp.hpa + 8L * Levels.index(gva, level);
            long e = memory.readWord(spte);
            if (!X86Entry.present(e)) {
                return;
            }
            if (X86Entry.isLeaf(e, level)) {
                tables.zapEntry(spte, level, sink);
                emit(sink, SyncKind.ZAP, gva, level, spte, 0, -1, 0,
                        String.format("INVLPG 0x%x: the shadow entry is dropped and refilled on the next access", gva));
                return;
            }
            sp = tables.byHpa(X86Entry.address(e, level));
        }
    }

    /** A guest TLB flush (CR3 reload): every out-of-sync table is brought back in sync. */
    public void flush(EventSink sink) {
        resyncAll(sink);
    }

    /** The invariant: what is wrong with the shadow tables now (empty when all is well). */
    public List<String> checkInvariant() {
        return new ShadowInvariant(memory, tables, guest, hypervisor, vm).violations();
    }

    private void resyncAll(EventSink sink) {
        boolean any = false;
        for (ShadowPage sp : tables.pages()) {
            if (!sp.unsync) {
                continue;
            }
            sp.unsync = false;
            tables.protect(sp.role.gfn(), sink, flushTlb);
            for (int i = 0; i < 512; i++) {
                sync(sp, i, guest.read((sp.role.gfn() << 12) + 8L * i), sink);
            }
            any = true;
        }
        if (any) {
            flushTlb.run();
        }
    }

    /** Brings one shadow entry in line with guest entry {@code value} at {@code index}. */
    private void sync(ShadowPage sp, int index, long value, EventSink sink) {
        long spte = sp.hpa + 8L * index;
        long old = memory.readWord(spte);
        if (!X86Entry.present(old)) {
            return;
        }
        int level = sp.role.level();
        long entryGpa = (sp.role.gfn() << 12) + 8L * index;
        boolean leafStays = level == 1 && X86Entry.present(value) && X86Entry.isLeaf(old, level);
        if (leafStays) {
            long gpa = X86Entry.address(value, 1);
            Mapping host = hypervisor.ept(vm).lookup(gpa);
            if (host != null) {
                long rights = Rights.fold(sp.role.access(), value);
                long updated = leafEntry(rights, value, gpa, host, 1);
                if (updated != old) {
                    memory.writeWord(spte, updated);
                    tables.addLeaf(spte, gpa >>> 12);
                    emit(sink, SyncKind.UPDATE, -1, level, spte, updated, entryGpa, value,
                            String.format("guest PTE at 0x%x changed: shadow entry updated to the new mapping",
                                    entryGpa));
                }
                return;
            }
        }
        tables.zapEntry(spte, level, sink);
        emit(sink, SyncKind.ZAP, -1, level, spte, 0, entryGpa, value, String.format(
                "guest %s entry at 0x%x changed: its shadow entry is zapped and refilled on demand",
                Levels.name(level), entryGpa));
    }

    /**
     * The shadow leaf: the host frame behind the guest page, with the guest's rights; writable
     * only once the guest entry is dirty (so the first store lets the hypervisor set D) and never
     * while the guest page holds a shadowed table.
     */
    private long leafEntry(long rights, long guestLeaf, long gpa, Mapping host, int shadowLeaf) {
        long span = Levels.span(shadowLeaf);
        long hpaBase = host.pageBase() + ((gpa & ~(span - 1)) - (gpa & ~host.size().offsetMask()));
        long flags = X86Entry.P | X86Entry.A;
        boolean writable = (rights & Rights.WRITABLE) != 0 && (guestLeaf & X86Entry.D) != 0
                && !tables.isProtected(gpa >>> 12);
        if (writable) {
            flags |= X86Entry.RW | X86Entry.D;
        }
        if ((rights & Rights.USER) != 0) {
            flags |= X86Entry.US;
        }
        if ((rights & Rights.NO_EXECUTE) != 0) {
            flags |= X86Entry.NX;
        }
        return X86Entry.leaf(hpaBase, shadowLeaf, flags);
    }

    private Mapping hostMapping(long gpa, EventSink sink) {
        hypervisor.back(vm, gpa, FrameUse.DATA, sink);
        return hypervisor.ept(vm).lookup(gpa);
    }

    private void emitFill(long gva, int level, long spte, GuestWalk walk, int guestLevel, EventSink sink) {
        if (sink.recording()) {
            sink.emit(new ShadowSync(vm, SyncKind.FILL, gva, level, spte, memory.readWord(spte),
                    walk.entryAddress(guestLevel), walk.entry(guestLevel), String.format(
                    "shadow %s entry for 0x%x filled from the guest %s entry", Levels.name(level), gva,
                    Levels.name(guestLevel))));
        }
    }

    private void emit(EventSink sink, SyncKind kind, long gva, int level, long spte, long value, long gEntryAddr,
                      long gEntry, String detail) {
        if (sink.recording()) {
            sink.emit(new ShadowSync(vm, kind, gva, level, spte, value, gEntryAddr, gEntry, detail));
        }
    }
}
