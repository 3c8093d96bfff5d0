package org.memvirt.viewmodel;

import java.util.List;

import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.event.Event;

/**
 * One step of a played scenario as every view sees it: the machine after the step and the events
 * the step caused, in order. Step 0 is the initial state (no events). Views that show the machine
 * bind to a property holding the current frame; views that chart a history get the whole list.
 *
 * @param index    the step number (0 = initial state)
 * @param title    a short title of the step ("Read 0x7f3a_1c40_2000"), may be empty
 * @param snapshot the machine after the step
 * @param events   what the step did
 */
public record StepFrame(int index, String title, MachineSnapshot snapshot, List<Event> events) {
    public StepFrame {
        events = List.copyOf(events);
    }
}
