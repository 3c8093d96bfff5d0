package org.memvirt.viewmodel;

import java.util.List;

import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.paging.Levels;

/**
 * What the walk screen says after {@code k} references of a walk: the counts, the caption, the
 * entry just read and the two addresses with the field in use marked. A value computed from the
 * grid and the position alone, so stepping back is the same as never having stepped forward.
 *
 * @param guestRefs       guest (or native) references made so far
 * @param hostRefs        host references made so far
 * @param breakdown       "guest refs 1 of 4 · host refs 4 of 20"
 * @param caption         one plain-English line about the current reference
 * @param result          the translation once the walk is over; empty before
 * @param entry           the entry the current reference read; null before the first
 * @param virtualAddress  the virtual address split into the guest walk's indices
 * @param physicalAddress the gPA the current row's host walk translates; null natively
 */
public record WalkPosition(int guestRefs, int hostRefs, String breakdown, String caption, String result,
                           EntryDecoding entry, AddressBreakdown virtualAddress, AddressBreakdown physicalAddress) {

    /** The screen after {@code k} of the grid's references. */
    public static WalkPosition of(WalkGrid g, int k) {
        List<WalkStep> refs = g.references();
        int n = refs.size();
        WalkStep current = k > 0 ? refs.get(k - 1) : null;
        boolean complete = k == n && g.walk().result().isPresent();
        int guestSoFar = 0;
        int hostSoFar = 0;
        int guestTotal = 0;
        int hostTotal = 0;
        for (WalkStep w : refs) {
            boolean host = w.dimension() == Dimension.HOST;
            boolean made = w.reference() <= k;
            guestTotal += host ? 0 : 1;
            hostTotal += host ? 1 : 0;
            guestSoFar += !host && made ? 1 : 0;
            hostSoFar += host && made ? 1 : 0;
        }
        String breakdown = g.walk().settings().nested()
                ? "guest refs " + guestSoFar + " of " + guestTotal + " · host refs " + hostSoFar + " of " + hostTotal
                : "page-table refs " + guestSoFar + " of " + guestTotal + " · no host walk (native)";
        return new WalkPosition(guestSoFar, hostSoFar, breakdown,
                current == null ? ReferenceCaption.before(g) : ReferenceCaption.of(g, current),
                k == n ? ReferenceCaption.result(g) : "",
                current == null ? null : EntryDecoding.of(current),
                virtualAddress(g, current, complete), physicalAddress(g, current, complete));
    }

    /** The line above the grid: what it shows and how many references that takes. */
    public static String headline(WalkSettings s, int count) {
        String refs = count + (count == 1 ? " reference" : " references");
        if (count != s.uncachedReferences()) {
            refs += " (" + s.uncachedReferences() + " uncached)";
        }
        if (s.mode() == PagingMode.SHADOW) {
            return "Shadow walk · the VMM's " + s.guestLevels() + "-level shadow table (gVA → hPA) · "
                    + s.guestPage().label() + " page → " + refs;
        }
        if (!s.nested()) {
            return "Native walk · " + s.guestLevels() + "-level table · " + s.guestPage().label() + " page → " + refs;
        }
        return "Nested walk · " + s.guestLevels() + "-level guest × " + s.hostLevels() + "-level EPT · "
                + s.guestPage().label() + " guest / " + s.hostPage().label() + " host pages → " + refs;
    }

    private static AddressBreakdown virtualAddress(WalkGrid g, WalkStep current, boolean complete) {
        WalkSettings s = g.walk().settings();
        int marked = current != null && current.dimension() != Dimension.HOST ? current.level() : complete ? 0 : -1;
        int leaf = g.guestLeafLevel() > 0 ? g.guestLeafLevel() : s.guestPage().leafLevel();
        return AddressBreakdown.of(s.nested() || s.mode() == PagingMode.SHADOW ? "gVA" : "VA", s.gva(), s.nested() ? Dimension.GUEST : Dimension.NATIVE,
                s.guestLevels(), leaf, marked);
    }

    private static AddressBreakdown physicalAddress(WalkGrid g, WalkStep current, boolean complete) {
        WalkSettings s = g.walk().settings();
        if (!s.nested() || g.references().isEmpty()) {
            return null;
        }
        int row = complete ? WalkGrid.DATA
                : WalkGrid.rowLevel(current != null ? current : g.references().get(0));
        var gpa = g.rowAddress(row);
        if (gpa.isEmpty()) {
            return null;
        }
        int leaf = g.hostLeafLevel(row) > 0 ? g.hostLeafLevel(row) : s.hostPage().leafLevel();
        int marked = current != null && current.dimension() == Dimension.HOST ? current.level() : complete ? 0 : -1;
        String label = row == WalkGrid.DATA ? "gPA of the data" : "gPA of the guest " + Levels.name(row) + " table";
        return AddressBreakdown.of(label, gpa.getAsLong(), Dimension.HOST, s.hostLevels(), leaf, marked);
    }
}
