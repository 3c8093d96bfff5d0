package org.memvirt.engine.reclaim;

import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Walks the guest pages of one VM (or of all VMs in turn) in address order, wrapping around:
 * the order a sharing scanner visits them.
 */
final class ScanCursor {
    private final List<Integer> vms;
    private final IntToLongFunction pagesOf;
    private int vmIndex;
    private long gfn;
    private int wraps;

    ScanCursor(List<Integer> vms, IntToLongFunction pagesOf) {
        this.vms = List.copyOf(vms);
        this.pagesOf = pagesOf;
    }

    int vm() {
        return vms.get(vmIndex);
    }

    long gpa() {
        return gfn << 12;
    }

    /** Times the cursor came back to the start of the first VM. */
    int wraps() {
        return wraps;
    }

    /** Moves to the next page; returns true when that completed a full pass. */
    boolean advance() {
        gfn++;
        if (gfn < pagesOf.applyAsLong(vm())) {
            return false;
        }
        gfn = 0;
        vmIndex++;
        if (vmIndex < vms.size()) {
            return false;
        }
        vmIndex = 0;
        wraps++;
        return true;
    }
}
