package org.memvirt.engine.event;

/** What the hypervisor did to keep a shadow table in step with the guest's tables. */
public enum SyncKind {
    /** Filled a shadow entry from the guest entry and the host mapping behind it. */
    FILL,
    /** Cleared a shadow entry (or a whole shadow page) so it is rebuilt on demand. */
    ZAP,
    /** Rewrote a shadow entry after a trapped guest write to the entry it mirrors. */
    UPDATE,
    /** Write-protected a guest page because it now holds a shadowed guest table. */
    WRITE_PROTECT,
    /** Stopped write-protecting a guest page (no shadow refers to it, or it went out of sync). */
    UNPROTECT,
    /** Loaded the shadow root that belongs to the guest's new CR3. */
    ROOT_SWITCH,
    /** Discarded a shadow root and the shadow pages only it reached. */
    ROOT_DROP
}
