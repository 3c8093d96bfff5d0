package org.memvirt.viewmodel.compare;

import java.util.Locale;

/** Numbers as the Compare screen prints them: thousands separated, ratios with one decimal. */
public final class Figures {
    private Figures() {
    }

    /** {@code 24576} → {@code "24,576"}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 295000} → {@code "295k"}, {@code 1_250_000} → {@code "1.25M"}: for chart axes and tight places. */
    public static String compact(double n) {
        double a = Math.abs(n);
        if (a >= 1e9) {
            return trim(n / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(n / 1e6) + "M";
        }
        if (a >= 1e3) {
            return trim(n / 1e3) + "k";
        }
        return trim(n);
    }

    private static String trim(double v) {
        String s = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** How many times larger {@code big} is than {@code small}: "5.3×", "12×". */
    public static String times(double big, double small) {
        double r = big / small;
        return (r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r)) + "×";
    }

    /** "1 VM exit", "3 VM exits". */
    public static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }
}
