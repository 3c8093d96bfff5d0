package org.memvirt.engine.guest;

import org.memvirt.engine.paging.PageSize;

/**
 * The guest kernel's record of an allocated guest-physical page (its {@code struct page}).
 *
 * @param use  table, data or balloon
 * @param pid  for a data page, the process that maps it (0 otherwise)
 * @param gva  for a data page, the virtual address it is mapped at (-1 otherwise)
 * @param size the page size (a large page is recorded once, at its first frame)
 */
public record GuestPage(GuestPageUse use, int pid, long gva, PageSize size) {
    /** A page-table page. */
    public static final GuestPage TABLE = new GuestPage(GuestPageUse.TABLE, 0, -1, PageSize.SIZE_4K);
    /** A page in the balloon. */
    public static final GuestPage BALLOON = new GuestPage(GuestPageUse.BALLOON, 0, -1, PageSize.SIZE_4K);
}
