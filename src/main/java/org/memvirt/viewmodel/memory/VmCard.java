package org.memvirt.viewmodel.memory;

import java.util.List;

import org.memvirt.engine.VmMemory;

/**
 * One VM's reclamation figures at a step, as the side panel lists them.
 *
 * @param vm        the VM
 * @param memory    the engine's figures
 * @param lowestRho true when this VM has the lowest shares-per-page ratio ρ: the one memory is
 *                  taken from first under pressure
 */
public record VmCard(int vm, VmMemory memory, boolean lowestRho) {

    /** "VM 2". */
    public String title() {
        return "VM " + vm;
    }

    /** "4 MiB" (of RAM). */
    public String subtitle() {
        return ram();
    }

    /** "4 MiB". */
    public String ram() {
        return Numbers.size(memory.ramPages());
    }

    /** Label and value pairs, in the order the panel shows them (short: four VMs fit side by side). */
    public List<Figure> figures() {
        return List.of(
                new Figure("Free", Numbers.count(memory.freePages()), "pages the guest kernel could allocate now"),
                new Figure("Balloon", Numbers.count(memory.balloonPages()),
                        "pages the balloon driver pinned and handed to the host (virtio-balloon's actual)"),
                new Figure("Target", Numbers.count(memory.balloonTarget()),
                        "the balloon size the host asks for (virtio-balloon's num_pages)"),
                new Figure("Guest swap", Numbers.count(memory.guestSwapPages()),
                        "pages the guest kernel wrote to its own swap"),
                new Figure("Host swap", Numbers.count(memory.hostSwappedPages()),
                        "pages the host wrote to its swap device behind the guest's back"),
                new Figure("P pages", Numbers.count(memory.allocatedPages()),
                        "P: host frames holding its own data and tables (shared frames count for nobody)"),
                new Figure("S shares", Numbers.count(memory.shares()), "S: its memory shares"),
                new Figure("f active", Numbers.fraction(memory.activeFraction()),
                        "f: estimated fraction of its memory in active use, from sampling"),
                new Figure("ρ", String.format(java.util.Locale.ROOT, "%.2f", memory.sharesPerPage()),
                        "ρ = S / (P·(f + k(1 − f))), shares per page with the idle memory tax: the lowest loses"
                                + " memory first"));
    }

    /**
     * What the idle memory tax's letters mean, one line each, in the order the figures show them:
     * the view prints them under the figures, so a student never meets a bare P, S, f or ρ.
     */
    public static List<Figure> symbols() {
        return List.of(
                new Figure("P", "pages allocated", "host frames holding the VM's own data and tables"),
                new Figure("S", "shares", "the VM's claim on host memory, set by the administrator"),
                new Figure("f", "fraction active", "the part of its memory in use, estimated by sampling pages"),
                new Figure("ρ", "shares per page, lower is reclaimed first",
                        "ρ = S / (P·(f + k(1 − f))), k = 1/(1 − tax rate): idle pages count k times"));
    }

    /**
     * One labelled number.
     *
     * @param label short name
     * @param value the number as shown
     * @param hint  what it means (the tooltip)
     */
    public record Figure(String label, String value, String hint) {
    }
}
