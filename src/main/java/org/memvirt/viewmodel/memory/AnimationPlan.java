package org.memvirt.viewmodel.memory;

import java.util.List;

/**
 * How to get from one step's picture to the next: the picture before, and phases played one
 * after the other. Cells a phase has not reached yet still look as they did before.
 *
 * @param before the picture of the previous step
 * @param phases what moves, in order
 */
public record AnimationPlan(MemoryPicture before, List<AnimationPhase> phases) {
    public AnimationPlan {
        phases = List.copyOf(phases);
    }

    /** All movements of all phases. */
    public List<MemoryAnimation> items() {
        return phases.stream().flatMap(p -> p.items().stream()).toList();
    }
}
