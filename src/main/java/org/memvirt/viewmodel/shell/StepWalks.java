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
import org.memvirt.viewmodel.WalkAttempt;
import org.memvirt.viewmodel.WalkSettings;

/**
 * The walk grid's input from a lesson step: the step's events cut into one
 * {@link TranslationWalk} per access (an access ends with its {@code Translated} event or with a
 * page fault the guest sees), each with the settings the lesson's machine implies. An access
 * that exited to the hypervisor and was retried gives one walk per try: the one that faulted
 * (its events up to the VM entry) and the retry (all its events, so its grid marks where the
 * earlier try faulted).
 */
public final class StepWalks {
    private StepWalks() {
    }

    /**
     * One walk the Walk tab can show for a step.
     *
     * @param walk     the walk
     * @param access   which access of the step, from 1
     * @param accesses how many accesses the step made
     * @param attempt  which try of the access, from 1
     * @param attempts how many tries the access took
     * @param outcome  how the try ended, in words: "faulted: EPT violation at …", "the retry", or empty
     */
    public record Shown(TranslationWalk walk, int access, int accesses, int attempt, int attempts, String outcome) {
        /** "access 2 of 3 · try 1 of 2"; empty for the only try of the only access. */
        public String position() {
            List<String> parts = new ArrayList<>();
            if (accesses > 1) {
                parts.add("access " + access + " of " + accesses);
            }
            if (attempts > 1) {
                parts.add("try " + attempt + " of " + attempts);
            }
            return String.join(" · ", parts);
        }

        /** "access 2 of 3 · try 1 of 2 — faulted: …": where the walk is and how it ended. */
        public String label() {
            String head = position();
            return outcome.isEmpty() || head.isEmpty() ? head + outcome : head + " — " + outcome;
        }
    }

    /**
     * Every try of every access of a step, in order; empty when the step made no access.
     *
     * @param events the step's events
     * @param config the lesson's machine
     * @param before the counters before the step
     * @param after  the counters after it
     */
    public static List<Shown> tries(List<Event> events, MachineConfig config, CounterSnapshot before,
                                    CounterSnapshot after) {
        List<TranslationWalk> accesses = of(events, config, before, after);
        List<Shown> shown = new ArrayList<>();
        for (int a = 0; a < accesses.size(); a++) {
            TranslationWalk w = accesses.get(a);
            List<WalkAttempt> attempts = w.attempts();
            for (WalkAttempt t : attempts) {
                boolean last = t.number() == attempts.size();
                TranslationWalk walk = last ? w : new TranslationWalk(w.settings(), w.preamble(),
                        w.events().subList(0, t.to()), w.countersBefore(), w.countersAfter());
                String outcome = t.faulted() ? "faulted: " + t.fault()
                        : last && attempts.size() > 1 ? "the retry after the hypervisor's fix-up" : "";
                shown.add(new Shown(walk, a + 1, accesses.size(), t.number(), attempts.size(), outcome));
            }
        }
        return List.copyOf(shown);
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

    /**
     * The walk the walk tab opens on: the last try of the last access that walked (its grid marks
     * where an earlier try faulted), else the last one.
     */
    public static int shownByDefault(List<Shown> walks) {
        for (int i = walks.size() - 1; i >= 0; i--) {
            if (!walks.get(i).walk().references().isEmpty()) {
                return i;
            }
        }
        return walks.size() - 1;
    }

    /** The first try of the access {@code index} belongs to (where an animation of that access starts). */
    public static int firstTry(List<Shown> walks, int index) {
        return index - (walks.get(index).attempt() - 1);
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
