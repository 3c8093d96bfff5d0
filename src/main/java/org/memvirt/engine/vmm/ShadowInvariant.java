package org.memvirt.engine.vmm;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.mmu.Rights;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.X86Entry;

/**
 * The rule shadow paging lives by, checked entry by entry: every present shadow entry equals
 * the composition of the current guest entry and the host mapping (unless its page is out of
 * sync), no shadow entry grants more than the guest does, and every guest table a shadow page
 * mirrors is write-protected, with no writable shadow mapping of it.
 */
final class ShadowInvariant {
    private final HostMemory memory;
    private final ShadowTables tables;
    private final GuestMemoryAccess guest;
    private final Hypervisor hypervisor;
    private final int vm;
    private final List<String> problems = new ArrayList<>();

    ShadowInvariant(HostMemory memory, ShadowTables tables, GuestMemoryAccess guest, Hypervisor hypervisor, int vm) {
        this.memory = memory;
        this.tables = tables;
        this.guest = guest;
        this.hypervisor = hypervisor;
        this.vm = vm;
    }

    List<String> violations() {
        for (ShadowPage sp : tables.pages()) {
            if (sp.unsync) {
                continue;
            }
            if (!sp.role.direct() && !tables.isProtected(sp.role.gfn())) {
                problems.add(String.format("guest table 0x%x is shadowed but not write-protected", sp.role.gfn() << 12));
            }
            for (int i = 0; i < 512; i++) {
                long spte = memory.readWord(sp.hpa + 8L * i);
                if (X86Entry.present(spte)) {
                    check(sp, i, spte);
                }
            }
        }
        return problems;
    }

    private void check(ShadowPage sp, int index, long spte) {
        int level = sp.role.level();
        String where = String.format("shadow %s 0x%x[%d]", Levels.name(level), sp.hpa, index);
        long guestEntry;
        int guestLevel;
        long gpa;
        long rights;
        if (sp.role.direct()) {
            long regionBase = sp.role.gfn() << 12;
            gpa = regionBase + (long) index * Levels.span(level);
            guestEntry = X86Entry.P;
            guestLevel = 0;
            rights = sp.role.access();
        } else {
            guestEntry = guest.read((sp.role.gfn() << 12) + 8L * index);
            guestLevel = level;
            if (!X86Entry.present(guestEntry)) {
                problems.add(where + " is present but the guest entry is not");
                return;
            }
            gpa = X86Entry.address(guestEntry, level);
            rights = Rights.fold(sp.role.access(), guestEntry);
        }
        boolean shadowLeaf = X86Entry.isLeaf(spte, level);
        if (!shadowLeaf) {
            ShadowPage child = tables.byHpa(X86Entry.address(spte, level));
            if (child == null) {
                problems.add(where + " points at no known shadow page");
            } else if (!child.role.direct() && (guestLevel == 0 || X86Entry.isLeaf(guestEntry, level)
                    || child.role.gfn() != gpa >>> 12 || child.role.level() != level - 1)) {
                problems.add(where + " points at the shadow of the wrong guest table");
            }
            return;
        }
        if (guestLevel != 0 && !X86Entry.isLeaf(guestEntry, level) && level > 1) {
            problems.add(where + " is a leaf but the guest entry points to a table");
            return;
        }
        Mapping host = hypervisor.ept(vm).lookup(gpa);
        if (host == null || host.address() != X86Entry.address(spte, level)) {
            problems.add(String.format("%s maps host 0x%x but guest 0x%x is backed by %s", where,
                    X86Entry.address(spte, level), gpa, host == null ? "nothing" : String.format("0x%x", host.address())));
        }
        if (X86Entry.writable(spte) && ((rights & Rights.WRITABLE) == 0 || tables.isProtected(gpa >>> 12))) {
            problems.add(where + " is writable but the guest forbids writes or the page is a protected table");
        }
        if (X86Entry.user(spte) && (rights & Rights.USER) == 0) {
            problems.add(where + " allows user access the guest forbids");
        }
    }
}
