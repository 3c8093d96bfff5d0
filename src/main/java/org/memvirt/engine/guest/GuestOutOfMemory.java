package org.memvirt.engine.guest;

import org.memvirt.engine.paging.PageSize;

/** The guest kernel found no free guest-physical page of the size it needed. */
public final class GuestOutOfMemory extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public GuestOutOfMemory(int vm, PageSize size) {
        super("VM " + vm + " is out of guest RAM: no free " + size + " page");
    }
}
