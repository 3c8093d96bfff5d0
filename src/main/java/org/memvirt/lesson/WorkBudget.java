package org.memvirt.lesson;

import java.util.Locale;

import org.memvirt.engine.Action;
import org.memvirt.engine.ActionVisitor;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.reclaim.ReclaimConfig;
import org.memvirt.engine.reclaim.SharingPolicy;

/**
 * What a lesson will cost, known before it runs. Every action is priced from its arguments and
 * the machine in <em>units</em>: one unit is one event the engine records or one page it visits
 * (a memory reference, a page touched, scanned, swapped, ballooned or sampled). The price is an
 * upper estimate, repeats through YAML anchors included, so a lesson over the budget is refused
 * at the step that takes it over, and one inside it always finishes: the budget bounds both the
 * time a run takes and the memory the window's history holds (about 110 bytes a unit, measured;
 * docs/limits.md).
 */
final class WorkBudget {
    /** Units a lesson may cost: about 660 MB of history at the most, inside a 2 GB default heap. */
    static final long MAX_UNITS = 6_000_000;
    /** Events a run may really record before it is stopped: the estimate's safety net. */
    static final long MAX_RECORDED_EVENTS = MAX_UNITS * 3 / 2;

    private final MachineConfig config;
    private final Lesson lesson;

    WorkBudget(Lesson lesson) {
        this.lesson = lesson;
        this.config = lesson.config();
    }

    /**
     * Prices the lesson; reports the step that takes it past the budget (or the initial state)
     * and returns false, or returns true when the whole lesson fits.
     */
    boolean check(Problems problems, SourceLocation initialAt) {
        long total = 0;
        for (MappingSetup m : lesson.mappings()) {
            total = add(total, Math.multiplyExact((long) m.count(), backingUnits(m.size().bytes())));
        }
        if (total > MAX_UNITS) {
            problems.at(initialAt, "the initial mappings cost about " + units(total) + " units of work; a lesson may "
                    + "cost at most " + units(MAX_UNITS) + " (docs/limits.md)");
            return false;
        }
        for (LessonStep step : lesson.steps()) {
            long cost = cost(step.perform());
            long after = add(total, cost);
            if (after > MAX_UNITS) {
                problems.at(step.actionAt(), "step " + step.number() + " (" + step.action() + ") costs about "
                        + units(cost) + " units of work and takes the lesson to " + units(after)
                        + "; a lesson may cost at most " + units(MAX_UNITS)
                        + " (a unit is one memory reference or one page the engine visits; docs/limits.md)");
                return false;
            }
            total = after;
        }
        return true;
    }

    /** The price of one step's action (0 for a step that only talks). */
    long cost(StepAction action) {
        if (action == null) {
            return 0;
        }
        if (action instanceof StepAction.Perform p) {
            return p.action().accept(new Pricer());
        }
        if (action instanceof StepAction.EditGuestEntry || action instanceof StepAction.EditEptEntry) {
            return TABLE_EDIT;
        }
        throw new IllegalStateException("no price for " + action);
    }

    /** Units for one table edit, switch or flush: a trap, an emulated store, zapped or resynced shadow entries. */
    private static final long TABLE_EDIT = 1024;

    /** The most units one access can cost on this machine: its walk and the faults and exits around it. */
    long access() {
        int n = config.guestLevels();
        int m = config.hostLevels();
        return switch (config.mode()) {
            case NATIVE -> n + 2L;
            case NESTED -> (n + 1L) * (m + 1L) - 1 + 2 + (config.demandPaging() ? 2L * m + 8 : 0);
            case SHADOW -> 4L * n + 16;
        };
    }

    private long backingUnits(long bytes) {
        long hostPage = config.mode() == PagingMode.NATIVE ? bytes : config.hostPage().bytes();
        return Math.max(1, bytes / hostPage) + config.hostLevels();
    }

    private long vmPages(int vm) {
        return lesson.vms().stream().filter(v -> v.id() == vm).mapToLong(v -> v.memoryBytes() >> 12).findFirst()
                .orElse(config.hostFrames());
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static String units(long n) {
        return String.format(Locale.ROOT, n == Long.MAX_VALUE ? "more than %,d" : "%,d", n == Long.MAX_VALUE ? (long) 1e18 : n);
    }

    /** Prices each kind of action; a new action has to say what it costs here. */
    private final class Pricer implements ActionVisitor<Long> {
        @Override
        public Long visitAccess(Action.Access a) {
            return access();
        }

        @Override
        public Long visitWriteGuestEntry(Action.WriteGuestEntry a) {
            return TABLE_EDIT;
        }

        @Override
        public Long visitMapPage(Action.MapPage a) {
            return access() + backingUnits(a.size().bytes());
        }

        @Override
        public Long visitSwitchProcess(Action.SwitchProcess a) {
            return TABLE_EDIT;
        }

        @Override
        public Long visitInvlpg(Action.Invlpg a) {
            return TABLE_EDIT;
        }

        @Override
        public Long visitFlushTlb(Action.FlushTlb a) {
            return TABLE_EDIT;
        }

        @Override
        public Long visitWriteEptEntry(Action.WriteEptEntry a) {
            return TABLE_EDIT;
        }

        @Override
        public Long visitTouchPages(Action.TouchPages a) {
            return Math.max(1, a.pages()) * access();
        }

        @Override
        public Long visitSetBalloonTarget(Action.SetBalloonTarget a) {
            return 2 * Math.min(Math.max(1, a.pages()), vmPages(a.vm())) + 8;
        }

        @Override
        public Long visitHostSwapOut(Action.HostSwapOut a) {
            return 4L * Math.min(Math.max(1, a.pages()), vmPages(a.vm())) + 8;
        }

        @Override
        public Long visitGuestSwapOut(Action.GuestSwapOut a) {
            return 4L * Math.min(Math.max(1, a.pages()), vmPages(a.vm())) + 8;
        }

        @Override
        public Long visitScanForSharing(Action.ScanForSharing a) {
            ReclaimConfig r = config.reclaim();
            double pages;
            if (r.sharing() == SharingPolicy.KSM) {
                pages = Math.floor(a.seconds() * 1000 / r.ksmSleepMillis()) * r.ksmPagesToScan();
            } else {
                pages = Math.min(Math.floor(r.esxRateTotal() * a.seconds()),
                        Math.floor(r.esxRatePerVm() * a.seconds()) * lesson.vms().size());
            }
            return (long) Math.min(2 * pages + 8, 1e18);
        }

        @Override
        public Long visitSampleActivity(Action.SampleActivity a) {
            long sum = 8;
            for (VmSetup vm : lesson.vms()) {
                sum += Math.min(vm.memoryBytes() >> 12, config.hostFrames()) + 2L * config.reclaim().sampleSize();
            }
            return sum;
        }

        @Override
        public Long visitHostPressure(Action.HostPressure a) {
            return 4L * Math.min(Math.max(0, a.frames()), config.hostFrames()) + 8;
        }

        @Override
        public Long visitHostRelease(Action.HostRelease a) {
            return Math.min(Math.max(0, a.frames()), config.hostFrames()) + 8L;
        }
    }
}
