package org.memvirt.viewmodel.tables;

/**
 * Where an entry (or a table) sits: in which kind of table, at which address of that table's
 * address space (a gPA for a guest table, an hPA otherwise). Events name entries this way, and
 * the view finds the row of an entry this way.
 *
 * @param table   the kind of table
 * @param address the entry's address (8-byte aligned), or the table's base address
 */
public record EntryRef(TableKind table, long address) {

    /** The base address of the table the entry is in. */
    public long tableBase() {
        return address & ~0xFFFL;
    }

    /** A short id for the view: "guest-102010". */
    public String id() {
        return table.key() + "-" + Long.toHexString(address);
    }
}
