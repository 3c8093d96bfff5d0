package org.memvirt.viewmodel.tables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.FaultVisibility;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SyncKind;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.viewmodel.HexAddress;

/**
 * Tells one step of one VM as a short strip of beats: a walk and its result; or, for a trapped
 * guest page-table store under shadow paging, guest store → trap (VM exit) → emulated store →
 * shadow entry updated or zapped → VM entry. The engine reports the guest's store after the VM
 * entry (it is only known to have happened once emulated); the strip puts it first, where the
 * guest did it.
 */
final class StoryTeller {
    /** Longer stories keep their start and end around a "more" beat. */
    static final int MAX_BEATS = 9;

    private final PagingMode mode;
    private final List<Draft> drafts = new ArrayList<>();

    private StoryTeller(PagingMode mode) {
        this.mode = mode;
    }

    /** The story of VM {@code vm}'s part of {@code events}. */
    static List<StoryBeat> tell(List<Event> events, int vm, PagingMode mode) {
        List<Event> mine = events.stream().filter(e -> e.accept(VmOfEvent.INSTANCE) == vm).toList();
        StoryTeller teller = new StoryTeller(mode);
        teller.read(mine);
        return teller.beats();
    }

    private record Draft(BeatKind kind, Actor actor, String title, String detail, boolean warning) {
    }

    private void add(BeatKind kind, Actor actor, String title, String detail, boolean warning) {
        drafts.add(new Draft(kind, actor, title, detail, warning));
    }

    private List<StoryBeat> beats() {
        List<Draft> shown = drafts;
        if (drafts.size() > MAX_BEATS) {
            shown = new ArrayList<>(drafts.subList(0, 4));
            int left = drafts.size() - 8;
            shown.add(new Draft(BeatKind.MORE, Actor.HARDWARE, "… " + left + " more", "the same pattern repeats", false));
            shown.addAll(drafts.subList(drafts.size() - 4, drafts.size()));
        }
        List<StoryBeat> beats = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Draft d = shown.get(i);
            beats.add(new StoryBeat(i + 1, d.kind(), d.actor(), d.title(), d.detail(), d.warning()));
        }
        return beats;
    }

    private static StoryRole role(Event e) {
        return e.accept(StoryRole.OF);
    }

    private void read(List<Event> all) {
        List<Event> events = all.stream().filter(e -> role(e) != StoryRole.NONE).toList();
        int i = 0;
        while (i < events.size()) {
            Event e = events.get(i);
            switch (role(e)) {
                case WALK -> {
                    int j = i;
                    while (j < events.size() && role(events.get(j)) == StoryRole.WALK) {
                        j++;
                    }
                    walk(events.subList(i, j).stream().map(WalkStep.class::cast).toList());
                    i = j;
                }
                case EXIT -> {
                    int j = i + 1;
                    while (j < events.size() && role(events.get(j)) != StoryRole.ENTRY
                            && role(events.get(j)) != StoryRole.EXIT) {
                        j++;
                    }
                    VmEntry entry = j < events.size() && role(events.get(j)) == StoryRole.ENTRY
                            ? (VmEntry) events.get(j) : null;
                    int end = entry == null ? j : j + 1;
                    if (entry != null && end < events.size() && role(events.get(end)) == StoryRole.TABLE_STORE) {
                        end++;
                    }
                    exitBlock((VmExit) e, events.subList(i + 1, end), entry);
                    i = end;
                }
                case HYPERVISOR_WORK -> {
                    int j = i;
                    while (j < events.size() && role(events.get(j)) == StoryRole.HYPERVISOR_WORK) {
                        j++;
                    }
                    hypervisorWork(events.subList(i, j));
                    i = j;
                }
                case TLB_HIT -> {
                    boolean stale = ((TlbLookup) e).outcome() == LookupOutcome.STALE_HIT;
                    add(BeatKind.TLB_HIT, Actor.HARDWARE, stale ? "Stale TLB hit" : "TLB hit", stale
                            ? "the TLB still holds the old translation: no walk" : "translation cached: no walk", stale);
                    i++;
                }
                case RESULT -> {
                    result((Translated) e);
                    i++;
                }
                case FAULT -> {
                    fault((GuestPageFault) e);
                    i++;
                }
                case TABLE_STORE -> {
                    store((GuestWrite) e);
                    i++;
                }
                case ENTRY -> {
                    add(BeatKind.ENTRY, Actor.VMM, "VM entry: guest resumes", ((VmEntry) e).action(), false);
                    i++;
                }
                case NONE -> i++;
            }
        }
    }

    private void result(Translated t) {
        String via = mode == PagingMode.NATIVE ? "VA " + HexAddress.compact(t.gva()) + " → PA "
                : "gVA " + HexAddress.compact(t.gva()) + " → gPA " + HexAddress.compact(t.gpa()) + " → hPA ";
        add(BeatKind.RESULT, Actor.DATA, "Data at " + (mode == PagingMode.NATIVE ? "PA " : "hPA ")
                + HexAddress.compact(t.hpa()), via + HexAddress.compact(t.hpa()) + " · " + t.references()
                + " refs", false);
    }

    private void store(GuestWrite w) {
        String why = switch (mode) {
            case NATIVE -> "the kernel writes its own table";
            case NESTED -> "no exit: under EPT the guest's tables are plain guest memory";
            case SHADOW -> "no trap: that table page is not write-protected";
        };
        add(BeatKind.GUEST_STORE, Actor.GUEST, "Guest kernel writes a page-table entry",
                HexAddress.compact(w.value()) + " at " + space() + " " + HexAddress.compact(w.address()) + " · "
                        + why, false);
    }

    private String space() {
        return mode == PagingMode.NATIVE ? "PA" : "gPA";
    }

    private void fault(GuestPageFault f) {
        boolean delivered = f.visibility() == FaultVisibility.DELIVERED;
        add(BeatKind.GUEST_FAULT, Actor.GUEST, delivered ? "Page fault delivered to the guest" : "Hidden page fault",
                "#PF at " + HexAddress.compact(f.gva()) + ", error code 0x" + Integer.toHexString(f.errorCode()) + ": "
                        + f.reason(), true);
    }

    private void walk(List<WalkStep> walk) {
        long guest = walk.stream().filter(w -> w.dimension() == Dimension.GUEST).count();
        long host = walk.stream().filter(w -> w.dimension() == Dimension.HOST).count();
        WalkStep last = walk.get(walk.size() - 1);
        String title;
        Actor actor;
        String detail = walk.size() + (walk.size() == 1 ? " reference" : " references");
        if (last.dimension() == Dimension.SHADOW) {
            title = "Hardware walks the shadow table";
            actor = Actor.SHADOW;
        } else if (last.dimension() == Dimension.NATIVE) {
            title = "Hardware walks the page table";
            actor = Actor.GUEST;
        } else {
            title = guest == 0 ? "Hardware walks the EPT" : "Hardware 2D walk: guest table + EPT";
            actor = Actor.HARDWARE;
            detail += ": " + guest + " guest + " + host + " EPT";
        }
        if (!last.present()) {
            String name = last.dimension() == Dimension.HOST ? Levels.eptName(last.level())
                    : (last.dimension() == Dimension.SHADOW ? "shadow " : "") + Levels.name(last.level());
            detail += " · stops: " + name + " [" + last.index() + "] not present";
        }
        add(BeatKind.WALK, actor, title, detail, !last.present());
    }

    private void exitBlock(VmExit exit, List<Event> inside, VmEntry entry) {
        GuestWrite store = null;
        for (Event e : inside) {
            if (role(e) == StoryRole.TABLE_STORE) {
                store = (GuestWrite) e;
            }
        }
        if (store != null) {
            add(BeatKind.GUEST_STORE, Actor.GUEST, "Guest kernel stores to its " + storeLevel(inside) + " entry",
                    HexAddress.compact(store.value()) + " → gPA " + HexAddress.compact(store.address())
                            + " · that page is write-protected", false);
        }
        add(BeatKind.EXIT, Actor.VMM, (store != null ? "Trap: " : "") + "VM exit " + exit.reason().name() + " ("
                + exit.reason().code() + ")", exit.reason() == ExitReason.EXCEPTION_NMI
                ? exit.detail() + " · reason 0 is \"exception or NMI\": an intercepted #PF exits this way"
                : exit.detail(), false);
        if (store != null) {
            add(BeatKind.EMULATE, Actor.VMM, "VMM emulates the store", "writes " + HexAddress.compact(store.value())
                    + " into the guest entry at gPA " + HexAddress.compact(store.address()) + " itself", false);
        }
        List<Event> work = new ArrayList<>();
        for (Event e : inside) {
            switch (role(e)) {
                case HYPERVISOR_WORK -> work.add(e);
                case FAULT -> fault((GuestPageFault) e);
                case WALK -> walk(List.of((WalkStep) e));
                case RESULT -> result((Translated) e);
                case TLB_HIT, EXIT, ENTRY, TABLE_STORE, NONE -> {
                    // the block's own exit, entry and store are told around it
                }
            }
        }
        hypervisorWork(work);
        if (entry != null) {
            boolean hidden = store == null && exit.reason() != ExitReason.CR_ACCESS
                    && work.stream().anyMatch(e -> e instanceof ShadowSync s && s.kind() == SyncKind.FILL);
            String detail = hidden ? "a hidden fault: the guest never sees it, its access simply runs again"
                    : store != null ? "after its store, as if it had never trapped" : entry.action();
            add(BeatKind.ENTRY, Actor.VMM, "VM entry: guest resumes", detail, false);
        }
    }

    private static String storeLevel(List<Event> inside) {
        for (Event e : inside) {
            if (e instanceof ShadowSync s && (s.kind() == SyncKind.UPDATE || s.kind() == SyncKind.ZAP) && s.level() > 0) {
                return Levels.name(s.level());
            }
        }
        return "page-table";
    }

    /** The gPA → hPA table's name: the EPT on a nested machine, the P2M (VMware's name) under shadow paging. */
    private String hostMap() {
        return mode == PagingMode.SHADOW ? "P2M" : "EPT";
    }

    /** Shadow and EPT changes of one exit (or of a step without one), grouped by kind. */
    private void hypervisorWork(List<Event> work) {
        Map<SyncKind, List<ShadowSync>> byKind = new EnumMap<>(SyncKind.class);
        List<EptFill> eptFills = new ArrayList<>();
        for (Event e : work) {
            if (e instanceof ShadowSync s) {
                byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
            } else if (e instanceof EptFill f) {
                eptFills.add(f);
            }
        }
        if (!eptFills.isEmpty()) {
            EptFill f = eptFills.get(0);
            add(BeatKind.EPT_FILL, Actor.HOST, eptFills.size() == 1
                            ? "VMM backs gPA " + HexAddress.compact(f.gpa()) + " with host memory"
                            : "VMM backs " + eptFills.size() + " guest pages with host memory",
                    eptFills.size() == 1 ? hostMap() + " leaf → hPA " + HexAddress.compact(f.hpa()) + " ("
                            + f.pageSize() + ")" : "each gets a leaf in the " + hostMap(), false);
        }
        for (Map.Entry<SyncKind, List<ShadowSync>> group : byKind.entrySet()) {
            sync(group.getKey(), group.getValue());
        }
    }

    private void sync(SyncKind kind, List<ShadowSync> s) {
        ShadowSync first = s.get(0);
        switch (kind) {
            case FILL -> {
                String levels = s.stream().map(x -> Levels.name(x.level())).collect(Collectors.joining(", "));
                ShadowSync leaf = s.stream().filter(x -> X86Entry.present(x.shadowEntry())
                        && X86Entry.isLeaf(x.shadowEntry(), x.level())).findFirst().orElse(null);
                add(BeatKind.SHADOW_FILL, Actor.SHADOW, s.size() == 1 ? "VMM fills a shadow " + levels + " entry"
                                : "VMM fills " + s.size() + " shadow entries",
                        (s.size() == 1 ? "from the guest's entry" : levels + " from the guest's entries")
                                + (leaf == null ? "" : "; the page hPA " + HexAddress.compact(
                                X86Entry.address(leaf.shadowEntry(), leaf.level())) + " from the P2M, the VMM's gPA → hPA map"), false);
            }
            case UPDATE -> add(BeatKind.SHADOW_UPDATE, Actor.SHADOW, s.size() == 1
                            ? "Shadow " + Levels.name(first.level()) + " entry [" + index(first) + "] updated"
                            : s.size() + " shadow entries updated",
                    X86Entry.present(first.shadowEntry()) ? "now maps hPA "
                            + HexAddress.compact(X86Entry.address(first.shadowEntry(), first.level()))
                            + " (" + X86Entry.describe(first.shadowEntry(), first.level()) + ")" : first.detail(), false);
            case ZAP -> add(BeatKind.SHADOW_ZAP, Actor.SHADOW, s.size() == 1 && first.level() > 0
                            ? "Shadow " + Levels.name(first.level()) + " entry [" + index(first) + "] zapped"
                            : s.size() + " shadow entries zapped", first.detail(), false);
            case WRITE_PROTECT -> add(BeatKind.PROTECT, Actor.VMM, s.size() == 1 ? "Guest table page write-protected"
                            : s.size() + " guest table pages write-protected",
                    "gPA " + s.stream().map(x -> HexAddress.compact(x.guestEntryAddress()))
                            .collect(Collectors.joining(", ")) + ": a guest store to them now traps", false);
            case UNPROTECT -> add(BeatKind.UNPROTECT, Actor.VMM, "Write protection lifted", first.detail(), false);
            case ROOT_SWITCH -> add(BeatKind.ROOT_SWITCH, Actor.SHADOW, "Shadow root loaded for CR3 gPA "
                    + HexAddress.compact(first.guestEntryAddress()), rootHow(first.detail()), false);
            case ROOT_DROP -> add(BeatKind.ROOT_DROP, Actor.SHADOW, s.size() == 1 ? "Shadow root dropped"
                    : s.size() + " shadow roots dropped", first.detail(), false);
        }
    }

    private static int index(ShadowSync s) {
        return (int) ((s.shadowEntryAddress() & 0xFFF) >>> 3);
    }

    /** The reason in a ROOT_SWITCH detail ("... (cached shadow root reused: no rebuilding)"). */
    private static String rootHow(String detail) {
        int open = detail.lastIndexOf('(');
        int close = detail.lastIndexOf(')');
        return open >= 0 && close > open ? detail.substring(open + 1, close) : detail.toLowerCase(Locale.ROOT);
    }
}
