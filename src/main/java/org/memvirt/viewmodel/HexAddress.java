package org.memvirt.viewmodel;

import java.util.Locale;

/**
 * Addresses as the screens print them: hexadecimal in 16-bit groups joined by underscores
 * ({@code 0x0000_7f3a_1c40_2000}), so that a student can find bit boundaries by eye.
 */
public final class HexAddress {
    private HexAddress() {
    }

    /** All 64 bits in four groups: {@code 0x0000_7f3a_1c40_2000}. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "0x%04x_%04x_%04x_%04x", (value >>> 48) & 0xFFFF, (value >>> 32) & 0xFFFF,
                (value >>> 16) & 0xFFFF, value & 0xFFFF);
    }

    /** Without leading zero groups or digits, for tight places: {@code 0x10_1000}, {@code 0x0}. */
    public static String compact(long value) {
        String hex = Long.toHexString(value);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i++) {
            int fromRight = hex.length() - i;
            if (i > 0 && fromRight % 4 == 0) {
                sb.append('_');
            }
            sb.append(hex.charAt(i));
        }
        return "0x" + sb;
    }

    /**
     * Reads an address typed by a person: hex with or without {@code 0x}, underscores and spaces
     * allowed between digits.
     *
     * @throws IllegalArgumentException with a message fit for the window
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
        if (t.startsWith("0x")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 16 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + (text == null ? "" : text.trim())
                    + "' is not an address: type up to 16 hex digits, e.g. 0x0000_7f3a_1c40_2000");
        }
        return Long.parseUnsignedLong(t, 16);
    }
}
