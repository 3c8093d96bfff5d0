package org.memvirt.engine.reclaim;

import java.util.Locale;

/** Which content-based page sharing the host runs. */
public enum SharingPolicy {
    /** VMware ESX: 64-bit hashes in one global table, hint entries re-hashed on a match. */
    ESX,
    /** Linux KSM: a stable tree of merged pages and an unstable tree rebuilt every full scan. */
    KSM;

    public static SharingPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sharing must be esx or ksm, not '" + text + "'", e);
        }
    }
}
