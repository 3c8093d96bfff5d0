package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.engine.reclaim.ReclaimConfig;
import org.memvirt.viewmodel.StepFrame;

/**
 * A reclamation lesson played on the real engine, for tests and screenshots: three VMs of 4 MiB
 * on a 16 MiB host. Each VM maps pages of its own data, pages of a library all three share, and
 * pages it leaves zero; then the host samples activity, scans for sharing, sees a copy-on-write,
 * balloons one VM, comes under pressure and swaps.
 */
public final class MemoryScenario {
    /** Where each process's pages start. */
    public static final long BASE = 0x0000_0040_0000_0000L;
    /** Pages each VM maps. */
    public static final int PAGES = 460;
    /** Pages 0..UNIQUE-1 hold data of their own VM. */
    public static final int UNIQUE = 160;
    /** Pages UNIQUE..UNIQUE+LIBRARY-1 hold the same library in every VM; the rest stay zero. */
    public static final int LIBRARY = 200;

    private final Machine machine;
    private final List<StepFrame> frames = new ArrayList<>();

    private MemoryScenario(MachineConfig config, int vms, int pages) {
        machine = new Machine(config);
        long flags = X86Entry.P | X86Entry.RW | X86Entry.US;
        int unique = pages * UNIQUE / PAGES;
        int library = pages * LIBRARY / PAGES;
        for (int vm = 1; vm <= vms; vm++) {
            int pid = machine.createProcess(vm);
            for (int i = 0; i < pages; i++) {
                long gpa = machine.mapPage(vm, pid, BASE + i * 4096L, PageSize.SIZE_4K, flags);
                long value = i < unique ? vm * 1_000_000L + i : i < unique + library ? 7_000L + i : 0;
                if (value != 0) {
                    for (int w = 0; w < 512; w += 64) {
                        machine.writeGuestPhysical(vm, gpa + 8L * w, value + w);
                    }
                }
            }
        }
        frames.add(new StepFrame(0, "Three VMs, each with its data, a shared library and zero pages",
                machine.snapshot(), List.of()));
    }

    /** A fresh scenario at step 0 on a host of {@code hostFrames} frames with {@code vms} VMs of 4 MiB. */
    public static MemoryScenario start(int hostFrames, int vms) {
        return start(hostFrames, vms, 4L << 20, PAGES);
    }

    /**
     * A fresh scenario at step 0: {@code vms} VMs of {@code ramBytes} each mapping {@code pages}
     * pages (own data, library and zero pages in the same proportions as the small lesson).
     */
    public static MemoryScenario start(int hostFrames, int vms, long ramBytes, int pages) {
        MachineConfig config = MachineConfig.defaults().withHostFrames(hostFrames).withDemandPaging(true)
                .withVmRam(Collections.nCopies(vms, ramBytes)).withReclaim(ReclaimConfig.defaults());
        return new MemoryScenario(config, vms, pages);
    }

    /** The lesson's step numbers that tests and screenshots look at. */
    public static final int AFTER_TOUCH = 3;
    public static final int FIRST_SCAN = 7;
    public static final int AFTER_SHARING = 9;
    public static final int COPY_ON_WRITE = 10;
    public static final int GUEST_SWAP = 11;
    public static final int BALLOON = 12;
    public static final int PRESSURE = 13;
    public static final int MORE_PRESSURE = 14;
    public static final int SWAP_IN = 15;
    public static final int RELEASE = 16;

    private static List<StepFrame> played;

    /** {@link #lesson()}, played once per test run (steps are immutable, so sharing them is safe). */
    public static synchronized List<StepFrame> playedLesson() {
        if (played == null) {
            played = lesson();
        }
        return played;
    }

    /** The whole lesson: every step below, in order. */
    public static List<StepFrame> lesson() {
        MemoryScenario s = start(4096, 3);
        s.touchAll(1).touchAll(2).touchAll(3)
                .step("Activity sampling: a period starts", new Action.SampleActivity())
                .step("VM 1 keeps working on its pages", new Action.TouchPages(1, BASE, PAGES, AccessKind.READ))
                .step("Activity sampling: the period ends", new Action.SampleActivity())
                .scan().scan().scan()
                .write(2, UNIQUE + 5, 42)
                .step("VM 3's kernel swaps out 120 of its pages", new Action.GuestSwapOut(3, 120))
                .step("The host sets VM 3's balloon target to 150 pages", new Action.SetBalloonTarget(3, 150))
                .pressureUntilFree(200)
                .pressureUntilFree(120)
                .step("VM 2 reads all its pages again", new Action.TouchPages(2, BASE, PAGES, AccessKind.READ))
                .step("The host gives 2,000 frames back", new Action.HostRelease(2000));
        return s.frames();
    }

    /** VM {@code vm} reads all its pages (the first touch backs them). */
    public MemoryScenario touchAll(int vm) {
        return step("VM " + vm + " reads its " + PAGES + " pages", new Action.TouchPages(vm, BASE, PAGES,
                AccessKind.READ));
    }

    /** Four seconds of the sharing scanner. */
    public MemoryScenario scan() {
        return step("The sharing scanner runs for 4 s", new Action.ScanForSharing(4));
    }

    /** VM {@code vm} writes {@code value} to the first word of page {@code page}. */
    public MemoryScenario write(int vm, int page, long value) {
        return step("VM " + vm + " writes to page " + page, new Action.Access(vm, BASE + page * 4096L,
                AccessKind.WRITE, Privilege.USER, value));
    }

    /** The host takes frames for itself until only {@code free} are left, then reclaims. */
    public MemoryScenario pressureUntilFree(int free) {
        int take = machine.snapshot().memory().freeFrames() - free;
        return step(String.format(java.util.Locale.ROOT, "Memory pressure: the host takes %,d frames", take),
                new Action.HostPressure(take));
    }

    /** One step of the machine, recorded. */
    public MemoryScenario step(String title, Action action) {
        StepResult r = machine.step(action);
        frames.add(new StepFrame(frames.size(), title, r.snapshot(), r.events()));
        return this;
    }

    /** The steps so far, step 0 first. */
    public List<StepFrame> frames() {
        return List.copyOf(frames);
    }

    /** The machine, for steps a test builds itself. */
    public Machine machine() {
        return machine;
    }
}
