package org.memvirt.viewmodel;

/**
 * One field of an address split as the walk uses it.
 *
 * @param kind    the unused top bits, a table index, or the page offset
 * @param level   for an index, the table level it selects in (1 = PT); otherwise 0
 * @param name    "PML4", "EPT PD", "offset", "sign"
 * @param bits    the field's bits, most significant first
 * @param value   the index in decimal or the offset in hex
 * @param current whether the reference shown now uses this field
 */
public record AddressField(Kind kind, int level, String name, String bits, String value, boolean current) {

    /** What part of an address a field is. */
    public enum Kind {
        /** Bits above the walk's reach: copies of the top bit (virtual) or zero (physical). */
        UNUSED,
        /** Nine bits that pick an entry in one table. */
        INDEX,
        /** The bits that pick the byte inside the page. */
        OFFSET
    }
}
