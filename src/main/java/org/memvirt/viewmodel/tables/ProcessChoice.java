package org.memvirt.viewmodel.tables;

/**
 * One process a student may pick in the Tables view.
 *
 * @param pid     the process number
 * @param cr3     its top-level table's address (what CR3 holds when it runs)
 * @param current whether it runs now
 * @param label   "Process 1"
 * @param detail  "CR3 gPA 0x10_0000 · running"
 */
public record ProcessChoice(int pid, long cr3, boolean current, String label, String detail) {
}
