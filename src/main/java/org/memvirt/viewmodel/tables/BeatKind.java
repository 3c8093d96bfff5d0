package org.memvirt.viewmodel.tables;

/** What one beat of the "what just happened" strip is. */
public enum BeatKind {
    /** The guest kernel stores to one of its page-table entries. */
    GUEST_STORE,
    /** The TLB held the translation: no walk. */
    TLB_HIT,
    /** The hardware walked tables (one or more references). */
    WALK,
    /** A page fault reached (or would reach) the guest. */
    GUEST_FAULT,
    /** The CPU left the guest for the hypervisor. */
    EXIT,
    /** The hypervisor performed the guest's trapped store itself. */
    EMULATE,
    /** The hypervisor filled shadow entries. */
    SHADOW_FILL,
    /** The hypervisor rewrote a shadow entry. */
    SHADOW_UPDATE,
    /** The hypervisor cleared a shadow entry or page. */
    SHADOW_ZAP,
    /** The hypervisor write-protected guest table pages. */
    PROTECT,
    /** The hypervisor stopped write-protecting guest pages. */
    UNPROTECT,
    /** The hypervisor loaded the shadow root for a new CR3. */
    ROOT_SWITCH,
    /** The hypervisor discarded a cached shadow root. */
    ROOT_DROP,
    /** The hypervisor backed a guest-physical page with host memory (an EPT leaf). */
    EPT_FILL,
    /** The hypervisor resumed the guest. */
    ENTRY,
    /** The access completed: the data's host address. */
    RESULT,
    /** Beats left out to keep the strip short. */
    MORE
}
