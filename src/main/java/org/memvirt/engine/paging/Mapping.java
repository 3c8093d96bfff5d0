package org.memvirt.engine.paging;

/**
 * What a software walk of a radix table found for one address.
 *
 * @param address      the translated address (page base plus offset)
 * @param size         the size of the page that maps it
 * @param entry        the leaf entry's raw value
 * @param entryAddress where the leaf entry lives, in the table's own space
 */
public record Mapping(long address, PageSize size, long entry, long entryAddress) {
    /** The base of the mapped page. */
    public long pageBase() {
        return address & ~size.offsetMask();
    }
}
