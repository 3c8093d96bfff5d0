package org.memvirt.viewmodel.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.viewmodel.HexAddress;

/** Words for the Compare screen: what a trace step does, and what it cost one machine. */
public final class StepText {
    private StepText() {
    }

    /** What a step asks of the machines, in the guest's terms. */
    public static String describe(TraceStep step) {
        if (step instanceof TraceStep.ReadPage r) {
            return "process " + r.process() + " reads page " + r.page() + " ("
                    + HexAddress.grouped(PagingRun.address(r.page()) + PagingRun.OFFSET) + ")";
        } else if (step instanceof TraceStep.SwitchProcess s) {
            return "the guest kernel switches to process " + s.process() + " (writes CR3)";
        } else if (step instanceof TraceStep.UpdatePte u) {
            return "the guest kernel rewrites process " + u.process() + "'s PTE for page " + u.page()
                    + (u.toSpare() ? " to point at a spare frame" : " to point back at its own frame");
        } else if (step instanceof TraceStep.InvalidatePage i) {
            return "the guest kernel drops page " + i.page() + " from the TLB (INVLPG)";
        }
        throw new IllegalArgumentException("unknown trace step " + step);
    }

    /** The position line: "Step 37 of 1,153: process 1 reads page 5 (…)". */
    public static String position(CompareRecording recording, int k) {
        if (k == 0) {
            return "Before step 1 of " + Figures.count(recording.length()) + ": the tables are built, no counter "
                    + "has moved yet.";
        }
        String what = describe(recording.trace().step(k - 1));
        return "Step " + Figures.count(k) + " of " + Figures.count(recording.length()) + ": " + what + ".";
    }

    /** What one step cost one machine, from the counters before and after it: "+24 refs (TLB miss)". */
    public static String delta(CounterSnapshot before, CounterSnapshot after) {
        List<String> parts = new ArrayList<>();
        long refs = after.walkRefs() - before.walkRefs();
        long hits = after.tlbHits() - before.tlbHits();
        long misses = after.tlbMisses() - before.tlbMisses();
        long hidden = after.hiddenFaults() - before.hiddenFaults();
        if (refs > 0) {
            parts.add("+" + Figures.plural(refs, "ref", "refs"));
        }
        if (hits > 0 && misses == 0) {
            parts.add("TLB hit");
        } else if (misses > 0) {
            parts.add(misses == 1 ? "TLB miss" : Figures.count(misses) + " TLB misses");
        }
        for (ExitReason r : ExitReason.values()) {
            long n = exits(after, r) - exits(before, r);
            if (n > 0) {
                parts.add(Figures.plural(n, "VM exit", "VM exits") + " (" + exitLabel(r) + ")");
            }
        }
        if (hidden > 0) {
            parts.add(Figures.plural(hidden, "hidden fault", "hidden faults"));
        }
        return parts.isEmpty() ? "no cost" : String.join(", ", parts);
    }

    /** A reason's count in a snapshot's map (zero when absent). */
    public static long exits(CounterSnapshot c, ExitReason r) {
        Map<String, Long> m = c.vmExits();
        return m.getOrDefault(r.name(), 0L);
    }

    /** An exit reason in words a student knows, with the name Linux gives it. */
    public static String exitLabel(ExitReason r) {
        return switch (r) {
            case EXCEPTION_NMI -> "#PF, EXCEPTION_NMI";
            case INVLPG -> "INVLPG";
            case CR_ACCESS -> "CR3 write, CR_ACCESS";
            case EPT_VIOLATION -> "EPT violation";
            case EPT_MISCONFIG -> "EPT misconfig";
        };
    }
}
