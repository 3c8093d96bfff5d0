package org.memvirt.engine.event;

/** Which translation cache a lookup consulted. */
public enum CacheKind {
    /** The TLB: GVA (or native VA) to HPA, tagged by VPID and PCID. */
    TLB,
    /** The nested TLB: GPA to HPA, removes host walks. */
    NESTED_TLB,
    /** The page-walk cache: upper-level guest entries, skips guest levels. */
    WALK_CACHE
}
