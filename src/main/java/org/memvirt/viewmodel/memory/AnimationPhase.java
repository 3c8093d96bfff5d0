package org.memvirt.viewmodel.memory;

import java.util.List;

/**
 * Movements of one kind that play together, with a caption saying what they are.
 *
 * @param caption one sentence for the student ("Sharing: 140 pages merged, 140 frames freed")
 * @param items   the movements, in event order
 */
public record AnimationPhase(String caption, List<MemoryAnimation> items) {
    public AnimationPhase {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a phase animates something");
        }
    }
}
