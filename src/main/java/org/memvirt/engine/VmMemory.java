package org.memvirt.engine;

import org.memvirt.engine.guest.GuestPage;
import org.memvirt.engine.memory.CowVector;

/**
 * A VM's memory as reclamation sees it, at one step.
 *
 * @param ramPages         guest RAM in 4 KiB pages
 * @param freePages        pages the guest kernel could allocate
 * @param balloonPages     pages in the balloon ({@code actual})
 * @param balloonTarget    the host's balloon target ({@code num_pages})
 * @param guestSwapPages   pages in the guest's own swap
 * @param hostSwappedPages guest pages the host swapped out
 * @param allocatedPages   P: host frames holding the VM's own data and tables
 * @param shares           S: its memory shares
 * @param activeFraction   f: the estimated active fraction
 * @param sharesPerPage    ρ = S / (P·(f + k·(1 − f)))
 * @param guestPages       the guest kernel's page array (null natively)
 */
public record VmMemory(long ramPages, long freePages, long balloonPages, long balloonTarget, long guestSwapPages,
                       long hostSwappedPages, long allocatedPages, long shares, double activeFraction,
                       double sharesPerPage, CowVector.Frozen<GuestPage> guestPages) {
}
