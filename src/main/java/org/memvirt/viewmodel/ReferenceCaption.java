package org.memvirt.viewmodel;

import java.util.OptionalLong;

import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/** One plain-English line about where the walk stands, for the caption under the counter. */
final class ReferenceCaption {
    private ReferenceCaption() {
    }

    /** Before the first reference: what is translated and what the caches already answer. */
    static String before(WalkGrid grid) {
        WalkSettings s = grid.walk().settings();
        String va = (s.nested() ? "gVA " : "VA ") + HexAddress.grouped(s.gva());
        if (grid.tlbHit()) {
            return "TLB hit: the TLB already holds the translation of " + va
                    + ", so the CPU reads no page-table entry at all: 0 references.";
        }
        StringBuilder sb = new StringBuilder("Translate " + va + " (a user-mode read).");
        if (s.tlb()) {
            sb.append(" TLB miss.");
        }
        if (grid.walkCacheLevel() > 0) {
            int top = s.guestLevels();
            int supplied = grid.walkCacheLevel();
            String names = supplied == top ? Levels.name(top) : Levels.name(top) + "…" + Levels.name(supplied);
            sb.append(" The walk cache supplies the ").append(s.nested() ? "guest " : "").append(names)
                    .append(" entries, so the walk starts at the ").append(Levels.name(supplied - 1)).append('.');
        }
        for (int level = s.guestLevels(); level >= WalkGrid.DATA; level--) {
            if (grid.nestedTlbHit(level)) {
                sb.append(" The nested TLB already knows where ").append(subject(grid, level))
                        .append(" is in host memory.");
            }
        }
        int n = grid.references().size();
        if (n > 0) {
            sb.append(" Press Step (→) for reference 1 of ").append(n).append('.');
        }
        return sb.toString();
    }

    /** What reference {@code step} read and where it leads. */
    static String of(WalkGrid grid, WalkStep step) {
        WalkAttempt attempt = grid.attempt();
        if (attempt.faultedAt() != null && attempt.faultedAt().reference() == step.reference() && step.present()) {
            String entry = step.dimension() == Dimension.HOST ? Levels.eptName(step.level())
                    : (step.dimension() == Dimension.GUEST ? "Guest " : "")
                    + Levels.name(step.level());
            return entry + " entry " + step.index() + " is present but stops the walk → " + attempt.fault() + ".";
        }
        return switch (step.dimension()) {
            case HOST -> host(grid, step);
            case GUEST -> guest(step, "Guest ", "gPA ", true);
            case NATIVE, SHADOW -> guest(step, "", "PA ", false);
        };
    }

    private static String host(WalkGrid grid, WalkStep w) {
        int row = w.forGuestLevel();
        OptionalLong gpa = grid.rowAddress(row);
        String subject = (row == WalkGrid.DATA ? "the data's gPA" : "the guest " + Levels.name(row) + " table's gPA")
                + (gpa.isPresent() ? " " + HexAddress.compact(gpa.getAsLong()) : "");
        String entry = Levels.eptName(w.level()) + " entry " + w.index();
        String head = "Host walk for " + subject + ": " + entry;
        if (!w.present()) {
            return head + " is not present → EPT violation: the CPU exits to the hypervisor.";
        }
        long e = w.entryValue();
        if (EptEntry.isLeaf(e, w.level())) {
            PageSize size = PageSize.ofLeafLevel(w.level());
            String where = row == WalkGrid.DATA ? "the data" : "the guest " + Levels.name(row) + " table";
            String hpa = gpa.isPresent()
                    ? " at hPA " + HexAddress.compact(EptEntry.address(e, w.level()) | (gpa.getAsLong() & size.offsetMask()))
                    : "";
            return head + " maps a " + size.label() + " host page → " + where + " is" + hpa + ".";
        }
        return head + " → next table (" + Levels.eptName(w.level() - 1) + ") at hPA "
                + HexAddress.compact(EptEntry.address(e, w.level())) + ".";
    }

    private static String guest(WalkStep w, String prefix, String space, boolean nested) {
        String entry = prefix + Levels.name(w.level()) + " entry " + w.index();
        if (!w.present()) {
            return entry + " is not present → page fault, delivered to the " + (nested ? "guest " : "") + "kernel.";
        }
        long e = w.entryValue();
        long target = X86Entry.address(e, w.level());
        if (!X86Entry.isLeaf(e, w.level())) {
            return entry + " → next table (" + Levels.name(w.level() - 1) + ") at " + space
                    + HexAddress.compact(target) + (nested ? ", which a host walk must locate first." : ".");
        }
        if (w.level() > 1) {
            return entry + " has PS set: a " + PageSize.ofLeafLevel(w.level()).label() + " page at " + space
                    + HexAddress.compact(target) + ". The walk ends here, " + (w.level() - 1)
                    + (w.level() == 2 ? " level" : " levels") + " early.";
        }
        return entry + " → the data page is at " + space + HexAddress.compact(target)
                + (nested ? "; one more host walk finds it in host memory." : ".");
    }

    private static String subject(WalkGrid grid, int level) {
        OptionalLong gpa = grid.rowAddress(level);
        String what = level == WalkGrid.DATA ? "the data" : "the guest " + Levels.name(level) + " table";
        return what + (gpa.isPresent() ? " (gPA " + HexAddress.compact(gpa.getAsLong()) + ")" : "");
    }

    /** The one-line result once the walk is over. */
    static String result(WalkGrid grid) {
        var result = grid.walk().result();
        if (result.isEmpty()) {
            return "The access did not complete.";
        }
        var t = result.get();
        boolean nested = grid.walk().settings().nested();
        String path = nested
                ? "gVA " + HexAddress.compact(t.gva()) + " → gPA " + HexAddress.compact(t.gpa()) + " → hPA "
                + HexAddress.compact(t.hpa())
                : "VA " + HexAddress.compact(t.gva()) + " → PA " + HexAddress.compact(t.hpa());
        return path + " · " + t.references() + (t.references() == 1 ? " reference" : " references")
                + (grid.walk().settings().tlb() ? " · TLB now holds a " + t.pageSize() + " entry" : "");
    }
}
