package org.memvirt.viewmodel.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.mmu.PagingMode;

/**
 * One column of the Compare screen: a paging mode's counters at the current position, in words
 * and numbers, its estimated cost, and the share of the cost bar that references and exits take.
 */
public final class ColumnViewModel {
    private final PagingMode mode;
    private final ReadOnlyLongWrapper references = new ReadOnlyLongWrapper(this, "references");
    private final ReadOnlyStringWrapper referencesText = new ReadOnlyStringWrapper(this, "referencesText", "0");
    private final ReadOnlyStringWrapper referencesDetail = new ReadOnlyStringWrapper(this, "referencesDetail", "");
    private final ReadOnlyStringWrapper perMissText = new ReadOnlyStringWrapper(this, "perMissText", "");
    private final ReadOnlyStringWrapper tlbText = new ReadOnlyStringWrapper(this, "tlbText", "");
    private final ReadOnlyLongWrapper exits = new ReadOnlyLongWrapper(this, "exits");
    private final ReadOnlyStringWrapper exitsText = new ReadOnlyStringWrapper(this, "exitsText", "0");
    private final ReadOnlyStringWrapper exitReasons = new ReadOnlyStringWrapper(this, "exitReasons", "");
    private final ReadOnlyLongWrapper hiddenFaults = new ReadOnlyLongWrapper(this, "hiddenFaults");
    private final ReadOnlyStringWrapper hiddenFaultsText = new ReadOnlyStringWrapper(this, "hiddenFaultsText", "0");
    private final ReadOnlyLongWrapper cycles = new ReadOnlyLongWrapper(this, "cycles");
    private final ReadOnlyStringWrapper cyclesText = new ReadOnlyStringWrapper(this, "cyclesText", "0");
    private final ReadOnlyStringWrapper versusNative = new ReadOnlyStringWrapper(this, "versusNative", "");
    private final ReadOnlyStringWrapper costSplit = new ReadOnlyStringWrapper(this, "costSplit", "");
    private final ReadOnlyStringWrapper lastStep = new ReadOnlyStringWrapper(this, "lastStep", "");
    private final ReadOnlyDoubleWrapper referenceShare = new ReadOnlyDoubleWrapper(this, "referenceShare");
    private final ReadOnlyDoubleWrapper exitShare = new ReadOnlyDoubleWrapper(this, "exitShare");

    ColumnViewModel(PagingMode mode) {
        this.mode = mode;
    }

    public PagingMode mode() {
        return mode;
    }

    /** "Native", "Nested (EPT)", "Shadow". */
    public String title() {
        return switch (mode) {
            case NATIVE -> "Native";
            case NESTED -> "Nested (EPT)";
            case SHADOW -> "Shadow";
        };
    }

    /** Who walks what, in one line. */
    public String subtitle() {
        return switch (mode) {
            case NATIVE -> "no hypervisor: the baseline";
            case NESTED -> "hardware walks guest + EPT tables";
            case SHADOW -> "hypervisor keeps gVA → hPA tables";
        };
    }

    /** Lower-case mode name, for ids and style classes: "native", "nested", "shadow". */
    public String key() {
        return mode.label();
    }

    public ReadOnlyLongProperty referencesProperty() {
        return references.getReadOnlyProperty();
    }

    /** Walk references so far, "24,576". */
    public ReadOnlyStringProperty referencesTextProperty() {
        return referencesText.getReadOnlyProperty();
    }

    /** Which tables they read: "guest 4,096 + EPT 20,480". */
    public ReadOnlyStringProperty referencesDetailProperty() {
        return referencesDetail.getReadOnlyProperty();
    }

    /** "24.0 per TLB miss". */
    public ReadOnlyStringProperty perMissTextProperty() {
        return perMissText.getReadOnlyProperty();
    }

    /** "TLB 882 hits · 142 misses". */
    public ReadOnlyStringProperty tlbTextProperty() {
        return tlbText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty exitsProperty() {
        return exits.getReadOnlyProperty();
    }

    /** VM exits so far, "128". */
    public ReadOnlyStringProperty exitsTextProperty() {
        return exitsText.getReadOnlyProperty();
    }

    /** VM exits by reason, one line each ("127 × CR3 write, CR_ACCESS"), or "none". */
    public ReadOnlyStringProperty exitReasonsProperty() {
        return exitReasons.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty hiddenFaultsProperty() {
        return hiddenFaults.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hiddenFaultsTextProperty() {
        return hiddenFaultsText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty cyclesProperty() {
        return cycles.getReadOnlyProperty();
    }

    /** The estimate, "295,000". */
    public ReadOnlyStringProperty cyclesTextProperty() {
        return cyclesText.getReadOnlyProperty();
    }

    /** "the baseline" natively; "6.0× native" otherwise. */
    public ReadOnlyStringProperty versusNativeProperty() {
        return versusNative.getReadOnlyProperty();
    }

    /** Where the estimate comes from: "references 104,412 + exits 192,000". */
    public ReadOnlyStringProperty costSplitProperty() {
        return costSplit.getReadOnlyProperty();
    }

    /** What the last step cost this machine. */
    public ReadOnlyStringProperty lastStepProperty() {
        return lastStep.getReadOnlyProperty();
    }

    /** The part of the cost bar references fill, 0..1 of the largest final cost of the three. */
    public ReadOnlyDoubleProperty referenceShareProperty() {
        return referenceShare.getReadOnlyProperty();
    }

    /** The part of the cost bar VM exits fill, 0..1, after the references. */
    public ReadOnlyDoubleProperty exitShareProperty() {
        return exitShare.getReadOnlyProperty();
    }

    /**
     * Shows the counters after a step.
     *
     * @param before    this machine's counters before the last step (null at position 0)
     * @param now       this machine's counters now
     * @param nativeNow the native machine's counters now (the baseline)
     * @param costs     the cost assumption
     * @param scale     cycles that fill the whole bar
     * @param tlbOn     whether the TLB is on
     */
    void show(CounterSnapshot before, CounterSnapshot now, CounterSnapshot nativeNow, CostModel costs, long scale,
              boolean tlbOn) {
        references.set(now.walkRefs());
        referencesText.set(Figures.count(now.walkRefs()));
        referencesDetail.set(switch (mode) {
            case NATIVE -> "reads of the page table only";
            case NESTED -> "guest " + Figures.count(now.guestRefs()) + " + EPT " + Figures.count(now.hostRefs());
            case SHADOW -> "reads of the shadow table only";
        });
        perMissText.set(now.tlbMisses() == 0 ? "no walk yet"
                : String.format(Locale.ROOT, "%.1f per walk (TLB miss)", (double) now.walkRefs() / now.tlbMisses()));
        tlbText.set(tlbOn ? "TLB: " + Figures.plural(now.tlbHits(), "hit", "hits") + " · "
                + Figures.plural(now.tlbMisses(), "miss", "misses")
                : "TLB off: " + Figures.plural(now.tlbMisses(), "walk", "walks"));
        exits.set(now.totalVmExits());
        exitsText.set(Figures.count(now.totalVmExits()));
        List<String> lines = new ArrayList<>();
        for (ExitReason r : ExitReason.values()) {
            long n = StepText.exits(now, r);
            if (n > 0) {
                lines.add(Figures.count(n) + " × " + StepText.exitLabel(r));
            }
        }
        exitReasons.set(lines.isEmpty() ? (mode == PagingMode.NATIVE ? "no hypervisor to exit to" : "none")
                : String.join("\n", lines));
        hiddenFaults.set(now.hiddenFaults());
        hiddenFaultsText.set(Figures.count(now.hiddenFaults()));
        long c = costs.cycles(now);
        cycles.set(c);
        cyclesText.set(Figures.count(c));
        long base = costs.cycles(nativeNow);
        versusNative.set(mode == PagingMode.NATIVE ? "the baseline"
                : base == 0 ? "" : Figures.times(c, base) + " native");
        costSplit.set("refs " + Figures.count(costs.referenceCycles(now)) + " + exits "
                + Figures.count(costs.exitCycles(now)));
        lastStep.set(before == null ? "nothing yet" : StepText.delta(before, now));
        double s = Math.max(1, scale);
        referenceShare.set(Math.min(1, costs.referenceCycles(now) / s));
        exitShare.set(Math.min(1 - referenceShare.get(), costs.exitCycles(now) / s));
    }
}
