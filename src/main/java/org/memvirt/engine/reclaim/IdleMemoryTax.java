package org.memvirt.engine.reclaim;

/**
 * ESX's share-based allocation with an idle memory tax (Waldspurger, section 5): a VM's
 * shares-per-page ratio ρ = S / (P · (f + k·(1 − f))), with k = 1/(1 − τ). Idle pages cost k
 * times as many shares as active ones, so under pressure memory is taken first from the VM
 * with the lowest ρ: few shares, many pages, mostly idle.
 */
public final class IdleMemoryTax {
    private IdleMemoryTax() {
    }

    /** The idle page cost k = 1/(1 − τ); τ = 0.75 gives k = 4. */
    public static double idleCost(double taxRate) {
        return 1.0 / (1.0 - taxRate);
    }

    /**
     * ρ for a VM.
     *
     * @param shares  S
     * @param pages   P, pages allocated to the VM
     * @param active  f, the fraction of them in active use
     * @param taxRate τ
     */
    public static double sharesPerPage(double shares, double pages, double active, double taxRate) {
        if (pages <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double k = idleCost(taxRate);
        return shares / (pages * (active + k * (1 - active)));
    }
}
