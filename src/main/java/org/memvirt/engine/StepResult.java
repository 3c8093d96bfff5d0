package org.memvirt.engine;

import java.util.List;

import org.memvirt.engine.event.Event;

/**
 * What one step did: its events in the order they happened, and the machine afterwards.
 *
 * @param events   the events
 * @param snapshot the machine after the step
 */
public record StepResult(List<Event> events, MachineSnapshot snapshot) {
    public StepResult {
        events = List.copyOf(events);
    }
}
