package org.memvirt.engine.mmu;

import java.util.Locale;

/** How the hardware translates a guest's addresses. */
public enum PagingMode {
    /** No virtualization: one walk of the process's table. */
    NATIVE,
    /** EPT: the two-dimensional walk of guest table and host table. */
    NESTED,
    /** The hardware walks the hypervisor's shadow table only. */
    SHADOW;

    /** Parses "native", "nested", "shadow". */
    public static PagingMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be native, nested or shadow, not '" + text + "'", e);
        }
    }

    /** Lower-case name as the command line spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
