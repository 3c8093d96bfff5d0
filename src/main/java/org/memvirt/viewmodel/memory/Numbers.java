package org.memvirt.viewmodel.memory;

import java.util.Locale;

/** Numbers as the memory screen prints them: thousands grouped, units spelled out. */
final class Numbers {
    private Numbers() {
    }

    /** {@code 65,536}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 page}, {@code 300 pages}. */
    static String of(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /** {@code 12.5 %}. */
    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    /** Bytes of {@code pages} 4 KiB pages: {@code 4 MiB}, {@code 256 KiB}, {@code 1.5 GiB}. */
    static String size(long pages) {
        long kib = pages * 4;
        if (kib >= 1 << 20 && kib % (1 << 20) == 0) {
            return count(kib >> 20) + " GiB";
        }
        if (kib >= 1 << 10) {
            double mib = kib / 1024.0;
            return (mib == Math.rint(mib) ? count((long) mib) : String.format(Locale.ROOT, "%.1f", mib)) + " MiB";
        }
        return count(kib) + " KiB";
    }

    /** A fraction with two decimals: {@code 0.42}. */
    static String fraction(double f) {
        return String.format(Locale.ROOT, "%.2f", f);
    }
}
