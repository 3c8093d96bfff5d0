package org.memvirt.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * The entry one reference read, decoded for the side panel: which table and slot, the raw value,
 * each flag bit by name, and what the entry points to.
 *
 * @param dimension which table was read
 * @param heading   "Guest PML4 entry 254", "EPT PD entry 0"
 * @param rawValue  the 64-bit entry, grouped hex
 * @param chips     the flag bits by name
 * @param facts     label → value lines: table, entry address, what it points to
 */
public record EntryDecoding(Dimension dimension, String heading, String rawValue, List<BitChip> chips,
                            Map<String, String> facts) {

    public EntryDecoding {
        chips = List.copyOf(chips);
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** Decodes the entry {@code step} read. */
    public static EntryDecoding of(WalkStep step) {
        return step.dimension() == Dimension.HOST ? ept(step) : x86(step);
    }

    private static EntryDecoding x86(WalkStep w) {
        long e = w.entryValue();
        int level = w.level();
        boolean guest = w.dimension() == Dimension.GUEST;
        String space = guest ? "gPA " : "PA ";
        List<BitChip> chips = new ArrayList<>();
        chips.add(new BitChip("P", (e & X86Entry.P) != 0, "present: the entry maps something"));
        chips.add(new BitChip("RW", (e & X86Entry.RW) != 0, "read/write: writes allowed"));
        chips.add(new BitChip("US", (e & X86Entry.US) != 0, "user/supervisor: user mode may access"));
        chips.add(new BitChip("A", (e & X86Entry.A) != 0, "accessed: set by the CPU when a walk uses the entry"));
        chips.add(new BitChip("D", (e & X86Entry.D) != 0, "dirty: set by the CPU on a write to the page"));
        if (level == 2 || level == 3) {
            chips.add(new BitChip("PS", (e & X86Entry.PS) != 0, "page size: maps a large page, the walk ends"));
        }
        chips.add(new BitChip("G", (e & X86Entry.G) != 0, "global: kept in the TLB across CR3 writes"));
        chips.add(new BitChip("NX", (e & X86Entry.NX) != 0, "no-execute: instruction fetches fault"));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Table", space + HexAddress.compact(w.tableAddress()));
        facts.put("Index", w.index() + " (×8 bytes = offset " + HexAddress.compact(8L * w.index()) + ")");
        facts.put("Entry at", space + HexAddress.compact(w.entryAddress()));
        facts.put(pointsLabel(w.present(), X86Entry.isLeaf(e, level)), x86Target(w, space));
        String heading = (guest ? "Guest " : "") + Levels.name(level) + " entry " + w.index();
        return new EntryDecoding(w.dimension(), heading, HexAddress.grouped(e), chips, facts);
    }

    private static String x86Target(WalkStep w, String space) {
        long e = w.entryValue();
        if (!w.present()) {
            return "nothing: P is 0, a page fault";
        }
        if (X86Entry.isLeaf(e, w.level())) {
            return PageSize.ofLeafLevel(w.level()).label() + " page at " + space
                    + HexAddress.compact(X86Entry.address(e, w.level()));
        }
        return Levels.name(w.level() - 1) + " table at " + space + HexAddress.compact(X86Entry.address(e, w.level()));
    }

    private static EntryDecoding ept(WalkStep w) {
        long e = w.entryValue();
        int level = w.level();
        boolean leaf = w.present() && EptEntry.isLeaf(e, level);
        List<BitChip> chips = new ArrayList<>();
        chips.add(new BitChip("R", (e & EptEntry.R) != 0, "read allowed (R=W=X=0: not present)"));
        chips.add(new BitChip("W", (e & EptEntry.W) != 0, "write allowed"));
        chips.add(new BitChip("X", (e & EptEntry.X) != 0, "instruction fetch allowed"));
        chips.add(new BitChip(leaf ? "MT " + EptEntry.memoryType(e) : "MT", leaf,
                leaf ? "memory type " + EptEntry.memoryType(e) + memoryTypeName(EptEntry.memoryType(e))
                        : "memory type: only in an entry that maps a page"));
        if (level == 2 || level == 3) {
            chips.add(new BitChip("L", (e & EptEntry.LARGE) != 0, "large page: maps host memory, the EPT walk ends"));
        }
        chips.add(new BitChip("A", (e & EptEntry.ACCESSED) != 0, "accessed (only when the EPTP enables A/D flags)"));
        chips.add(new BitChip("D", (e & EptEntry.DIRTY) != 0, "dirty (only when the EPTP enables A/D flags)"));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Table", "hPA " + HexAddress.compact(w.tableAddress()));
        facts.put("Index", w.index() + " (×8 bytes = offset " + HexAddress.compact(8L * w.index()) + ")");
        facts.put("Entry at", "hPA " + HexAddress.compact(w.entryAddress()));
        String target;
        if (!w.present()) {
            target = "nothing: R, W and X are 0, an EPT violation";
        } else if (leaf) {
            target = PageSize.ofLeafLevel(level).label() + " host page at hPA "
                    + HexAddress.compact(EptEntry.address(e, level));
        } else {
            target = Levels.eptName(level - 1) + " table at hPA " + HexAddress.compact(EptEntry.address(e, level));
        }
        facts.put(pointsLabel(w.present(), leaf), target);
        String heading = Levels.eptName(level) + " entry " + w.index();
        return new EntryDecoding(Dimension.HOST, heading, HexAddress.grouped(e), chips, facts);
    }

    private static String pointsLabel(boolean present, boolean leaf) {
        return !present ? "Maps" : leaf ? "Maps" : "Points to";
    }

    private static String memoryTypeName(int type) {
        return switch (type) {
            case 0 -> " (uncacheable)";
            case 1 -> " (write-combining)";
            case 4 -> " (write-through)";
            case 5 -> " (write-protected)";
            case 6 -> " (write-back)";
            default -> " (reserved)";
        };
    }
}
