package org.memvirt.engine.vmm;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One page of a shadow table, in host memory. It mirrors one guest table page (found by guest
 * frame number and role, as KVM's hash does), or, when {@code direct}, it splits a guest large
 * page into smaller host pages and mirrors no guest table at all.
 */
final class ShadowPage {
    final Role role;
    final long hpa;
    /** Host addresses of the shadow entries that point at this page. */
    final Set<Long> parents = new LinkedHashSet<>();
    int rootCount;
    boolean unsync;
    int writeFlood;

    ShadowPage(Role role, long hpa) {
        this.role = role;
        this.hpa = hpa;
    }

    /** Still referenced by a root or by a parent entry. */
    boolean inUse() {
        return rootCount > 0 || !parents.isEmpty();
    }

    /**
     * What a shadow page stands for: one guest table page seen at one level with the rights the
     * levels above it grant. One guest table can have several shadow pages of different roles.
     *
     * @param gfn    guest frame number of the guest table (for a direct page: of the region's start)
     * @param level  table level (1 = PT)
     * @param access rights folded from the guest entries above ({@code Rights} bits)
     * @param direct true for a page that splits a guest large page, mirroring no guest table
     */
    record Role(long gfn, int level, long access, boolean direct) {
    }
}
