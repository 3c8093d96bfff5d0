package org.memvirt.lesson;

import org.memvirt.engine.event.Dimension;

/** Something a step asks the views to point at. */
public sealed interface Highlight {

    /**
     * A view: {@code walk}, {@code tables}, {@code memory} or {@code counters}.
     *
     * @param name the view
     */
    record View(String name) implements Highlight {
    }

    /**
     * A counter, by its DESIGN.md name.
     *
     * @param name the counter
     */
    record Counter(String name) implements Highlight {
    }

    /**
     * The references of one table level in one dimension ({@code guest.PML4}, {@code host.PT}),
     * or of a whole dimension ({@code guest}, level 0).
     *
     * @param dimension guest, host, shadow or native
     * @param level     1 = PT ... 5 = PML5, or 0 for every level
     */
    record Level(Dimension dimension, int level) implements Highlight {
    }

    /** The final data reference of the walk ({@code data}). */
    record Data() implements Highlight {
    }

    /**
     * References of the step's walk by their order ({@code ref.7}, {@code ref.1-4}).
     *
     * @param from first, from 1
     * @param to   last (inclusive)
     */
    record References(int from, int to) implements Highlight {
    }

    /**
     * A register: {@code cr3}, {@code eptp} or {@code cr2}.
     *
     * @param name the register
     */
    record Register(String name) implements Highlight {
    }

    /**
     * The parts of the step's virtual address, index by index ({@code gva}).
     */
    record AddressSplit() implements Highlight {
    }
}
