package org.memvirt.engine.reclaim;

import java.util.List;

/**
 * How the hypervisor takes memory back from its guests: the ESX and Linux defaults unless a
 * lesson says otherwise.
 *
 * @param swapPolicy        how the host picks guest pages to swap out
 * @param sharing           ESX's hash-and-hint scheme, or Linux KSM's trees
 * @param esxRatePerVm      ESX sharing scan rate per VM, pages per second (default 50)
 * @param esxRateTotal      ESX sharing scan rate over all VMs, pages per second (default 200)
 * @param ksmPagesToScan    KSM pages_to_scan (default 100)
 * @param ksmSleepMillis    KSM sleep_millisecs between batches (default 20)
 * @param ksmMaxPageSharing KSM max_page_sharing (default 256)
 * @param ksmUseZeroPages   KSM use_zero_pages (default off)
 * @param taxRate           the idle memory tax rate τ (default 0.75)
 * @param sampleSize        pages sampled per VM per activity period (default 100)
 * @param shares            memory shares of each VM (VM 1 first); missing VMs get 1000
 * @param deflateOnOom      whether balloon drivers give pages back when their guest runs out
 */
public record ReclaimConfig(SwapPolicy swapPolicy, SharingPolicy sharing, int esxRatePerVm, int esxRateTotal,
                            int ksmPagesToScan, int ksmSleepMillis, int ksmMaxPageSharing, boolean ksmUseZeroPages,
                            double taxRate, int sampleSize, List<Integer> shares, boolean deflateOnOom) {
    public ReclaimConfig {
        shares = List.copyOf(shares);
        if (taxRate < 0 || taxRate >= 1) {
            throw new IllegalArgumentException("the idle memory tax rate must be at least 0 and below 1, not " + taxRate);
        }
        if (esxRatePerVm < 1 || esxRateTotal < 1 || ksmPagesToScan < 1 || ksmSleepMillis < 1 || sampleSize < 1) {
            throw new IllegalArgumentException("scan rates, pages_to_scan, sleep_millisecs and sample size must be positive");
        }
        if (ksmMaxPageSharing < 2) {
            throw new IllegalArgumentException("max_page_sharing must be at least 2, not " + ksmMaxPageSharing);
        }
        for (int s : shares) {
            if (s < 1) {
                throw new IllegalArgumentException("memory shares must be positive, not " + s);
            }
        }
    }

    /** ESX sharing, random swap victims, τ = 0.75, 100 samples, 1000 shares each, deflate on OOM. */
    public static ReclaimConfig defaults() {
        return new ReclaimConfig(SwapPolicy.RANDOM, SharingPolicy.ESX, 50, 200, 100, 20, 256, false, 0.75, 100,
                List.of(), true);
    }

    /** Shares of a VM (1000 unless configured). */
    public int sharesOf(int vm) {
        return vm - 1 < shares.size() ? shares.get(vm - 1) : 1000;
    }

    public ReclaimConfig withSwapPolicy(SwapPolicy p) {
        return new ReclaimConfig(p, sharing, esxRatePerVm, esxRateTotal, ksmPagesToScan, ksmSleepMillis,
                ksmMaxPageSharing, ksmUseZeroPages, taxRate, sampleSize, shares, deflateOnOom);
    }

    public ReclaimConfig withSharing(SharingPolicy p) {
        return new ReclaimConfig(swapPolicy, p, esxRatePerVm, esxRateTotal, ksmPagesToScan, ksmSleepMillis,
                ksmMaxPageSharing, ksmUseZeroPages, taxRate, sampleSize, shares, deflateOnOom);
    }

    public ReclaimConfig withKsmUseZeroPages(boolean on) {
        return new ReclaimConfig(swapPolicy, sharing, esxRatePerVm, esxRateTotal, ksmPagesToScan, ksmSleepMillis,
                ksmMaxPageSharing, on, taxRate, sampleSize, shares, deflateOnOom);
    }

    public ReclaimConfig withTaxRate(double tau) {
        return new ReclaimConfig(swapPolicy, sharing, esxRatePerVm, esxRateTotal, ksmPagesToScan, ksmSleepMillis,
                ksmMaxPageSharing, ksmUseZeroPages, tau, sampleSize, shares, deflateOnOom);
    }

    public ReclaimConfig withSampleSize(int n) {
        return new ReclaimConfig(swapPolicy, sharing, esxRatePerVm, esxRateTotal, ksmPagesToScan, ksmSleepMillis,
                ksmMaxPageSharing, ksmUseZeroPages, taxRate, n, shares, deflateOnOom);
    }

    public ReclaimConfig withShares(List<Integer> s) {
        return new ReclaimConfig(swapPolicy, sharing, esxRatePerVm, esxRateTotal, ksmPagesToScan, ksmSleepMillis,
                ksmMaxPageSharing, ksmUseZeroPages, taxRate, sampleSize, s, deflateOnOom);
    }

    public ReclaimConfig withDeflateOnOom(boolean on) {
        return new ReclaimConfig(swapPolicy, sharing, esxRatePerVm, esxRateTotal, ksmPagesToScan, ksmSleepMillis,
                ksmMaxPageSharing, ksmUseZeroPages, taxRate, sampleSize, shares, on);
    }
}
