package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.FaultVisibility;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.viewmodel.TranslationWalk;
import org.memvirt.viewmodel.WalkSettings;

/**
 * The walk grid's input from a lesson step: the step's events cut into one
 * {@link TranslationWalk} per access (an access ends with its {@code Translated} event or with a
 * page fault the guest sees), each with the settings the lesson's machine implies. Events of
 * an access that exited to the hypervisor and was retried stay in the same walk, whose grid shows
 * the last attempt.
 */
public final class StepWalks {
    private StepWalks() {
    }

    /**
     * The accesses of a step, in order; empty when the step made none.
     *
     * @param events the step's events
     * @param config the lesson's machine
     * @param before the counters before the step
     * @param after  the counters after it
     */
    public static List<TranslationWalk> of(List<Event> events, MachineConfig config, CounterSnapshot before,
                                           CounterSnapshot after) {
        List<TranslationWalk> walks = new ArrayList<>();
        List<Event> access = new ArrayList<>();
        for (Event e : events) {
            access.add(e);
            boolean ends = e instanceof Translated
                    || e instanceof GuestPageFault f && f.visibility() == FaultVisibility.DELIVERED;
            if (ends) {
                addIfAccess(walks, access, config, before, after);
                access.clear();
            }
        }
        addIfAccess(walks, access, config, before, after);
        return walks;
    }

    /** The index of the access the walk tab opens on: the last one that walked, else the last one. */
    public static int shownByDefault(List<TranslationWalk> walks) {
        for (int i = walks.size() - 1; i >= 0; i--) {
            if (!walks.get(i).references().isEmpty()) {
                return i;
            }
        }
        return walks.size() - 1;
    }

    private static void addIfAccess(List<TranslationWalk> walks, List<Event> access, MachineConfig config,
                                    CounterSnapshot before, CounterSnapshot after) {
        boolean translates = access.stream().anyMatch(e -> e instanceof WalkStep || e instanceof Translated
                || e instanceof TlbLookup t && t.cache() == CacheKind.TLB);
        if (!translates) {
            return;
        }
        walks.add(new TranslationWalk(settings(access, config), List.of(), access, before, after));
    }

    /** The walk screen's settings for one access on the lesson's machine. */
    static WalkSettings settings(List<Event> access, MachineConfig config) {
        long gva = 0;
        boolean knowGva = false;
        PageSize guestPage = PageSize.SIZE_4K;
        for (Event e : access) {
            if (e instanceof Translated t) {
                gva = t.gva();
                knowGva = true;
            } else if (!knowGva && e instanceof TlbLookup t && t.cache() == CacheKind.TLB) {
                gva = t.address();
                knowGva = true;
            } else if (!knowGva && e instanceof GuestPageFault f) {
                gva = f.gva();
                knowGva = true;
            }
            if (e instanceof WalkStep w && w.dimension() != Dimension.HOST && w.present() && w.level() <= 3
                    && X86Entry.isLeaf(w.entryValue(), w.level())) {
                guestPage = PageSize.ofLeafLevel(w.level());
            }
        }
        return new WalkSettings(config.mode(), config.guestLevels(), config.hostLevels(), guestPage,
                config.hostPage(), config.mmu().tlb(), config.mmu().walkCache(), false, gva);
    }
}
