package org.memvirt.engine.reclaim;

import java.util.Locale;

/** How the host picks which guest pages to swap out; it cannot know which matter to the guest. */
public enum SwapPolicy {
    /** A seeded random backed page (what ESX does, to avoid pathological patterns). */
    RANDOM,
    /** The page backed longest ago. */
    FIFO,
    /** Second chance over the backing order using the EPT accessed flags (FIFO without EPT A/D). */
    CLOCK;

    public static SwapPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("swap policy must be random, fifo or clock, not '" + text + "'", e);
        }
    }
}
