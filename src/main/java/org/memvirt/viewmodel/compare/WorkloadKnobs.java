package org.memvirt.viewmodel.compare;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The controls above the Compare screen: the built-in workload picked and the knobs that tune
 * it. The view binds its controls to the writable properties; {@link #paramsProperty()} follows
 * them as one value, changing once when a workload is picked (not once per knob it sets).
 * Out-of-range values are clamped to what {@link WorkloadParams} allows.
 */
public final class WorkloadKnobs {
    private final ObjectProperty<Workload> workload = new SimpleObjectProperty<>(this, "workload");
    private final IntegerProperty pages = new SimpleIntegerProperty(this, "pages");
    private final IntegerProperty accesses = new SimpleIntegerProperty(this, "accesses");
    private final IntegerProperty switchEvery = new SimpleIntegerProperty(this, "switchEvery");
    private final IntegerProperty updateEvery = new SimpleIntegerProperty(this, "updateEvery");
    private final BooleanProperty tlb = new SimpleBooleanProperty(this, "tlb");
    private final ObjectProperty<Integer> shadowRoots = new SimpleObjectProperty<>(this, "shadowRoots");
    private final ReadOnlyObjectWrapper<WorkloadParams> params = new ReadOnlyObjectWrapper<>(this, "params");
    private final ReadOnlyBooleanWrapper tuned = new ReadOnlyBooleanWrapper(this, "tuned");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private boolean applying;

    /** Knobs set to {@code initial}'s values. */
    public WorkloadKnobs(Workload initial) {
        workload.addListener((obs, old, now) -> apply(now));
        for (var p : List.of(pages, accesses, switchEvery, updateEvery)) {
            p.addListener(obs -> knobMoved());
        }
        tlb.addListener(obs -> knobMoved());
        shadowRoots.addListener(obs -> knobMoved());
        workload.set(initial);
    }

    /** The built-in workload picked; picking one sets every knob to its values. */
    public ObjectProperty<Workload> workloadProperty() {
        return workload;
    }

    /** Distinct pages in the working set. */
    public IntegerProperty pagesProperty() {
        return pages;
    }

    /** Reads in the trace. */
    public IntegerProperty accessesProperty() {
        return accesses;
    }

    /** Reads between two context switches; 0 = never. */
    public IntegerProperty switchEveryProperty() {
        return switchEvery;
    }

    /** Reads between two PTE updates; 0 = never. */
    public IntegerProperty updateEveryProperty() {
        return updateEvery;
    }

    public BooleanProperty tlbProperty() {
        return tlb;
    }

    /** Shadow roots the hypervisor keeps: 1 to 4. */
    public ObjectProperty<Integer> shadowRootsProperty() {
        return shadowRoots;
    }

    /** All the knobs as one value. */
    public ReadOnlyObjectProperty<WorkloadParams> paramsProperty() {
        return params.getReadOnlyProperty();
    }

    public WorkloadParams getParams() {
        return params.get();
    }

    /** Whether a knob was moved away from the picked workload. */
    public ReadOnlyBooleanProperty tunedProperty() {
        return tuned.getReadOnlyProperty();
    }

    /** What the picked workload does and what it should show. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** Puts every knob back to the picked workload's values. */
    public void restore() {
        apply(workload.get());
    }

    private void apply(Workload w) {
        applying = true;
        try {
            WorkloadParams p = w.params();
            pages.set(p.pages());
            accesses.set(p.accesses());
            switchEvery.set(p.switchEvery());
            updateEvery.set(p.updateEvery());
            tlb.set(p.tlb());
            shadowRoots.set(p.shadowRoots());
            description.set(w.description());
        } finally {
            applying = false;
        }
        knobMoved();
    }

    private void knobMoved() {
        if (applying) {
            return;
        }
        WorkloadParams p = new WorkloadParams(clamp(pages.get(), 1, WorkloadParams.MAX_PAGES),
                clamp(accesses.get(), WorkloadParams.MIN_ACCESSES, WorkloadParams.MAX_ACCESSES),
                clamp(switchEvery.get(), 0, WorkloadParams.MAX_EVERY),
                clamp(updateEvery.get(), 0, WorkloadParams.MAX_EVERY), tlb.get(),
                clamp(shadowRoots.get() == null ? WorkloadParams.MAX_ROOTS : shadowRoots.get(), 1,
                        WorkloadParams.MAX_ROOTS));
        tuned.set(!p.equals(workload.get().params()));
        params.set(p);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
