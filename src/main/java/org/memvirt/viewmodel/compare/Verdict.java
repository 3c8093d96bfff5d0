package org.memvirt.viewmodel.compare;

import org.memvirt.engine.event.CounterSnapshot;

/**
 * The one plain-English sentence under the columns: how shadow paging's walk references compare
 * with nested paging's, what it paid in VM exits, and which is cheaper at the assumed costs.
 */
public final class Verdict {
    /** Costs within this fraction of each other count as a tie. */
    static final double TIE = 0.02;

    private Verdict() {
    }

    /**
     * The verdict after some steps of a trace.
     *
     * @param steps  steps played so far (0: nothing to compare yet)
     * @param total  steps in the trace
     * @param nested nested paging's counters
     * @param shadow shadow paging's counters
     * @param costs  the cost assumption
     */
    public static String of(int steps, int total, CounterSnapshot nested, CounterSnapshot shadow, CostModel costs) {
        if (steps == 0) {
            return "Press Play or Step: the same " + Figures.plural(total, "step", "steps")
                    + " run on a native, a nested-paging and a shadow-paging machine at once.";
        }
        String scope = steps == total ? "Over the whole trace, " : "So far, ";
        long sr = shadow.walkRefs();
        long nr = nested.walkRefs();
        String refs;
        boolean shadowBetterOnRefs = sr < nr;
        if (sr == nr) {
            refs = "shadow and nested paging made the same number of walk references (" + Figures.count(nr) + ")";
        } else if (sr == 0) {
            refs = "shadow paging made no walk references against nested paging's " + Figures.count(nr);
        } else if (nr == 0) {
            refs = "shadow paging made " + Figures.count(sr) + " walk references against nested paging's none";
        } else if (shadowBetterOnRefs) {
            refs = "shadow paging made " + Figures.times(nr, sr) + " fewer walk references than nested paging ("
                    + Figures.count(sr) + " vs " + Figures.count(nr) + ")";
        } else {
            refs = "shadow paging made " + Figures.times(sr, nr) + " more walk references than nested paging ("
                    + Figures.count(sr) + " vs " + Figures.count(nr) + ")";
        }
        long se = shadow.totalVmExits();
        long ne = nested.totalVmExits();
        String exits;
        boolean shadowWorseOnExits = se > ne;
        if (se == 0 && ne == 0) {
            exits = "neither took a VM exit";
        } else {
            exits = (sr == nr ? "shadow paging " : "") + "took " + Figures.plural(se, "VM exit", "VM exits")
                    + " to nested paging's " + Figures.count(ne);
        }
        String joint = shadowBetterOnRefs == shadowWorseOnExits && sr != nr && se != ne ? " but " : " and ";
        return scope + refs + joint + exits + ", so " + cost(nested, shadow, costs) + ".";
    }

    private static String cost(CounterSnapshot nested, CounterSnapshot shadow, CostModel costs) {
        long nc = costs.cycles(nested);
        long sc = costs.cycles(shadow);
        String figures = " (" + Figures.count(Math.min(nc, sc)) + " vs " + Figures.count(Math.max(nc, sc))
                + " cycles)";
        if (Math.abs(nc - sc) <= TIE * Math.max(nc, sc)) {
            return "at the assumed costs the two come out about even (" + Figures.count(sc) + " vs "
                    + Figures.count(nc) + " cycles)";
        }
        String winner = sc < nc ? "shadow paging" : "nested paging";
        long cheap = Math.min(nc, sc);
        long dear = Math.max(nc, sc);
        if (cheap == 0) {
            return "at the assumed costs " + winner + " has cost nothing yet against " + Figures.count(dear)
                    + " cycles";
        }
        String how = (double) dear / cheap >= 2 ? Figures.times(dear, cheap) + " cheaper"
                : Math.round(100.0 * (dear - cheap) / dear) + " % cheaper";
        return "at the assumed costs " + winner + " is " + how + figures;
    }
}
