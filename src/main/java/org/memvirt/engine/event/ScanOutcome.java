package org.memvirt.engine.event;

/** What a sharing scan made of one page. */
public enum ScanOutcome {
    /** No page with this hash yet: recorded as a hint (ESX) or in the unstable tree (KSM). */
    HINT,
    /** A hint whose page changed since it was hashed: dropped. */
    STALE_HINT,
    /** Merged with an identical page (see the PageMerge that follows). */
    MERGED,
    /** Already shared, unbacked, or changed since the last scan (KSM's volatile check): skipped. */
    SKIPPED
}
