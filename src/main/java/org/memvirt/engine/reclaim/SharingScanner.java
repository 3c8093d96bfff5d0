package org.memvirt.engine.reclaim;

import org.memvirt.engine.event.EventSink;

/** A content-based page-sharing scanner: looks at some guest pages and merges identical ones. */
interface SharingScanner {
    /** Scans for {@code seconds} of simulated time at the scanner's rate; returns pages scanned. */
    int scan(double seconds, EventSink sink);

    /** Completed passes over all guest memory. */
    int fullScans();
}
