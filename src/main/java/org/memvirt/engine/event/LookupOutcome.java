package org.memvirt.engine.event;

/** How a cache lookup went. */
public enum LookupOutcome {
    /** Found, and the tables still say the same. */
    HIT,
    /** Not found: the hardware walks. */
    MISS,
    /**
     * Found, but the tables have changed since it was cached and nobody invalidated it: the
     * hardware uses the old translation (the classic missing-INVLPG bug).
     */
    STALE_HIT
}
