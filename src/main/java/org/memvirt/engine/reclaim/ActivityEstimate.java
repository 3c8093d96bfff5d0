package org.memvirt.engine.reclaim;

/**
 * ESX's estimate of the fraction f of a VM's memory in active use: each period it samples n
 * random pages, invalidates their mappings, and counts the t touched again: f = t/n. It keeps a
 * slow and a fast moving average and uses the largest of slow, fast and current, so that it
 * reacts at once when a VM becomes busy and only slowly when it goes idle.
 *
 * @param slow    slow exponentially weighted average
 * @param fast    fast exponentially weighted average
 * @param current the last period's t/n
 */
public record ActivityEstimate(double slow, double fast, double current) {
    /** Gain of the slow average per period. */
    public static final double SLOW_GAIN = 0.1;
    /** Gain of the fast average per period. */
    public static final double FAST_GAIN = 0.5;
    /** Before any sample a VM counts as fully active. */
    public static final ActivityEstimate UNSAMPLED = new ActivityEstimate(1, 1, 1);

    /** The estimate after a period in which {@code touched} of {@code sampled} pages were used. */
    public ActivityEstimate next(int touched, int sampled) {
        double f = sampled == 0 ? current : (double) touched / sampled;
        return new ActivityEstimate(slow + SLOW_GAIN * (f - slow), fast + FAST_GAIN * (f - fast), f);
    }

    /** The f that ρ uses: max(slow, fast, current). */
    public double active() {
        return Math.max(slow, Math.max(fast, current));
    }
}
