package org.memvirt.lesson;

/** Addresses and entries as DESIGN.md writes them: {@code 0x0000_7f3a_1c40_2000}. */
public final class Hex {
    private Hex() {
    }

    /** Sixteen hex digits in four groups of four. */
    public static String address(long value) {
        String digits = String.format("%016x", value);
        return "0x" + digits.substring(0, 4) + "_" + digits.substring(4, 8) + "_" + digits.substring(8, 12) + "_"
                + digits.substring(12);
    }

    /** A short hex number for codes and small values: {@code 0x181}. */
    public static String small(long value) {
        return "0x" + Long.toHexString(value);
    }
}
