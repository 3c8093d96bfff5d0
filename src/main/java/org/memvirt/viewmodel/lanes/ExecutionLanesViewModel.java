package org.memvirt.viewmodel.lanes;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.memvirt.engine.event.Event;

/**
 * The lanes under the views: who ran during the step on screen (guest app, guest kernel,
 * hypervisor) and in what order, so that a VM exit is seen as a trip down to the hypervisor and
 * back rather than as a line in a list.
 */
public final class ExecutionLanesViewModel {
    /**
     * What the lanes show.
     *
     * @param segments   the step's work, in order
     * @param nativeMode true when there is no hypervisor (the lanes are then "App" and "Kernel")
     * @param animate    true when the step was just taken forward and its work should appear piece by piece
     */
    public record LaneRun(List<LaneSegment> segments, boolean nativeMode, boolean animate) {
        public LaneRun {
            segments = List.copyOf(segments);
        }
    }

    private final ReadOnlyObjectWrapper<LaneRun> run =
            new ReadOnlyObjectWrapper<>(this, "run", new LaneRun(List.of(), false, false));

    public ReadOnlyObjectProperty<LaneRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** Shows the work of {@code events}. */
    public void show(List<Event> events, boolean nativeMode, boolean animate) {
        show(events, List.of(), nativeMode, animate);
    }

    /**
     * Shows the work of {@code events}; a step that left no event shows {@code quiet} instead (a
     * CR3 write under EPT, a TLB flush: work that ran without an event).
     */
    public void show(List<Event> events, List<LaneSegment> quiet, boolean nativeMode, boolean animate) {
        run.set(new LaneRun(ExecutionLanes.of(events, quiet), nativeMode, animate));
    }
}
