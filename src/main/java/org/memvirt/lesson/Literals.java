package org.memvirt.lesson;

import java.util.Locale;

/**
 * How numbers are written in lessons: decimal, or {@code 0x} hex, {@code 0b} binary, {@code 0o}
 * octal, with {@code _} between digits ({@code 0x0000_7f3a_1c40_2000}); sizes with a binary unit
 * ({@code 4K}, {@code 64M}, {@code 2GiB}). Returns null rather than throwing for bad text.
 */
final class Literals {
    private Literals() {
    }

    /**
     * A 64-bit value. Hex, binary and octal may use all 64 bits (an entry with NX set is
     * negative as a Java long); decimal must fit a signed long, and so must a negative value
     * of any base: {@code -0xffff_ffff_ffff_fffc} is refused, never wrapped to 4.
     */
    static Long parseLong(String text) {
        String t = text.strip();
        boolean negative = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            negative = t.startsWith("-");
            t = t.substring(1);
        }
        if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
            return null;
        }
        int radix = 10;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
        } else if (lower.startsWith("0b")) {
            radix = 2;
        } else if (lower.startsWith("0o")) {
            radix = 8;
        }
        String digits = radix == 10 ? t : t.substring(2);
        if (digits.startsWith("_")) {
            digits = digits.substring(1);
        }
        digits = digits.replace("_", "");
        if (digits.isEmpty() || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
            return null;
        }
        try {
            if (radix == 10) {
                return Long.parseLong(negative ? "-" + digits : digits);
            }
            long v = Long.parseUnsignedLong(digits, radix);
            if (!negative) {
                return v;
            }
            return v < 0 && v != Long.MIN_VALUE ? null : -v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * True when {@code text} is written as a whole number but does not fit 64 bits (or, negative,
     * a signed 64-bit number): what {@link #parseLong} refuses rather than wraps.
     */
    static boolean outOfRange(String text) {
        String t = text.strip().replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        int radix = lower.startsWith("0x") ? 16 : lower.startsWith("0b") ? 2 : lower.startsWith("0o") ? 8 : 10;
        String digits = radix == 10 ? t : t.substring(2);
        if (digits.isEmpty() || digits.length() > 200 || digits.charAt(0) == '-' || digits.charAt(0) == '+') {
            return false;
        }
        try {
            new java.math.BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            return false;
        }
        return parseLong(text) == null;
    }

    /** A decimal number such as {@code 0.75} or {@code 2.5} (finite), or null. */
    static Double parseDecimal(String text) {
        String t = text.strip().replace("_", "");
        if (t.isEmpty() || !t.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    /** A size in bytes: a number with an optional K/M/G/T unit (powers of 1024, "iB" and "B" allowed). */
    static Long parseSize(String text) {
        String t = text.strip().replace(" ", "");
        String upper = t.toUpperCase(Locale.ROOT);
        int shift = 0;
        String number = t;
        String[][] units = {{"KIB", "10"}, {"MIB", "20"}, {"GIB", "30"}, {"TIB", "40"}, {"KB", "10"},
                {"MB", "20"}, {"GB", "30"}, {"TB", "40"}, {"K", "10"}, {"M", "20"}, {"G", "30"}, {"T", "40"}};
        if (!upper.startsWith("0X")) {
            for (String[] u : units) {
                if (upper.endsWith(u[0])) {
                    shift = Integer.parseInt(u[1]);
                    number = t.substring(0, t.length() - u[0].length());
                    break;
                }
            }
        }
        Long n = parseLong(number);
        if (n == null || n < 0 || (shift > 0 && n > (Long.MAX_VALUE >> shift))) {
            return null;
        }
        return n << shift;
    }

    /** A size for messages: "64 MiB", "4 KiB", "3000 bytes". */
    static String describeSize(long bytes) {
        String[] names = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        long v = bytes;
        while (unit < names.length - 1 && v != 0 && (v & 1023) == 0) {
            v >>= 10;
            unit++;
        }
        return v + " " + names[unit];
    }
}
