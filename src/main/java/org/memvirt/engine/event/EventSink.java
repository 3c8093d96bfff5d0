package org.memvirt.engine.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the engine puts the events of a step. A recording sink keeps them; the counting sink
 * ({@link #COUNTING}) tells the engine not to build them at all, so a million-access workload
 * allocates no per-reference objects. Counters are kept either way.
 */
public interface EventSink {
    /** A sink that records nothing: the engine skips building events. */
    EventSink COUNTING = new EventSink() {
        @Override
        public boolean recording() {
            return false;
        }

        @Override
        public void emit(Event event) {
            // counting mode keeps no events
        }
    };

    /** Whether events should be built and passed to {@link #emit}. */
    boolean recording();

    /** Takes one event, in the order they happened. */
    void emit(Event event);

    /** A sink that keeps every event in a list. */
    static Recorder recorder() {
        return new Recorder();
    }

    /** A sink that records into a list. */
    final class Recorder implements EventSink {
        private final List<Event> events = new ArrayList<>();

        @Override
        public boolean recording() {
            return true;
        }

        @Override
        public void emit(Event event) {
            events.add(event);
        }

        /** The events so far, oldest first (a copy). */
        public List<Event> events() {
            return List.copyOf(events);
        }
    }
}
