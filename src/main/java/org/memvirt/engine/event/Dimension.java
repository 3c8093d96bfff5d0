package org.memvirt.engine.event;

/** Which table a walk reference reads. */
public enum Dimension {
    /** The guest's own table (GVA to GPA). */
    GUEST,
    /** The host's EPT (GPA to HPA). */
    HOST,
    /** The hypervisor's shadow table (GVA to HPA). */
    SHADOW,
    /** An unvirtualized process table (VA to PA). */
    NATIVE
}
