package org.memvirt.viewmodel.compare;

import org.memvirt.engine.event.CounterSnapshot;

/**
 * The assumption that turns counts into an estimated cost: every page-walk reference costs as much
 * as a cache hit the student picks, every VM exit a round trip into the hypervisor and back
 * (measured: about 1,350 cycles VMRUN to #VMEXIT, about 2,500 for a whole KVM_RUN round trip).
 * The data access itself costs the same in all three modes and is left out.
 *
 * @param cyclesPerReference cycles one page-walk reference costs
 * @param cyclesPerExit      cycles one VM exit costs
 */
public record CostModel(int cyclesPerReference, int cyclesPerExit) {
    /** An L2 hit per reference, 1,500 cycles per exit. */
    public static final CostModel DEFAULT = new CostModel(12, 1500);

    public CostModel {
        if (cyclesPerReference < 1) {
            throw new IllegalArgumentException("a reference costs at least 1 cycle, not " + cyclesPerReference);
        }
        if (cyclesPerExit < 0) {
            throw new IllegalArgumentException("a VM exit cannot cost " + cyclesPerExit + " cycles");
        }
    }

    /** Cycles spent on walk references. */
    public long referenceCycles(CounterSnapshot c) {
        return c.walkRefs() * cyclesPerReference;
    }

    /** Cycles spent on VM exits. */
    public long exitCycles(CounterSnapshot c) {
        return c.totalVmExits() * cyclesPerExit;
    }

    /** The estimate: references and exits together. */
    public long cycles(CounterSnapshot c) {
        return referenceCycles(c) + exitCycles(c);
    }

    public CostModel withCyclesPerReference(int r) {
        return new CostModel(r, cyclesPerExit);
    }

    public CostModel withCyclesPerExit(int e) {
        return new CostModel(cyclesPerReference, e);
    }
}
