package org.memvirt.viewmodel;

/**
 * One named bit (or small field) of a table entry, as a chip in the side panel.
 *
 * @param name    the short name printed on the chip: "P", "RW", "MT 6"
 * @param on      whether the bit is set (an off chip is drawn faded)
 * @param meaning what it says, in words, for the tooltip
 */
public record BitChip(String name, boolean on, String meaning) {
}
