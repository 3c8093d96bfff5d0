package org.memvirt.engine.paging;

/** A requested mapping collides with one that exists (a large page over a table, or the reverse). */
public final class MappingConflict extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A conflict described in words. */
    public MappingConflict(String message) {
        super(message);
    }
}
