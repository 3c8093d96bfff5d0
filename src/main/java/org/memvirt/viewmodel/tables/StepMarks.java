package org.memvirt.viewmodel.tables;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.MmuNotifierInvalidate;
import org.memvirt.engine.event.HostPageFault;
import org.memvirt.engine.event.HostTableRead;
import org.memvirt.engine.event.MemslotLookup;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.EventVisitor;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.PageScan;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.event.WriteTarget;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.viewmodel.tables.EntryLink.LinkKind;

/**
 * What one step did to the tables of one VM, folded from its events: which entries the walks
 * read and in what order, which the hypervisor filled, updated or zapped, which the guest wrote,
 * which guest pages it protected, and which entries each shadow entry was made from.
 */
final class StepMarks {
    private final Map<EntryRef, EnumSet<EntryMark>> marks = new HashMap<>();
    private final Map<EntryRef, List<Integer>> reads = new HashMap<>();
    private final Map<EntryRef, List<Integer>> linkNumbers = new HashMap<>();
    private final Map<EntryRef, EnumSet<TableMark>> tableMarks = new HashMap<>();
    private final List<EntryLink> links = new ArrayList<>();

    private StepMarks() {
    }

    /** Folds the events of VM {@code tables.vm()} among {@code events}. */
    static StepMarks of(List<Event> events, VmTables tables) {
        StepMarks m = new StepMarks();
        Folder folder = m.new Folder(tables);
        for (Event e : events) {
            if (e.accept(VmOfEvent.INSTANCE) == tables.vm().id()) {
                e.accept(folder);
            }
        }
        return m;
    }

    /** The marks of the entry at {@code ref}; empty when the step did not touch it. */
    Set<EntryMark> marks(EntryRef ref) {
        EnumSet<EntryMark> s = marks.get(ref);
        return s == null ? Set.of() : s;
    }

    /** The order of this step's reads of {@code ref}, from 1. */
    List<Integer> reads(EntryRef ref) {
        return reads.getOrDefault(ref, List.of());
    }

    /** The numbers of the links {@code ref} is an end of. */
    List<Integer> links(EntryRef ref) {
        return linkNumbers.getOrDefault(ref, List.of());
    }

    /** The marks of the table whose base address is {@code ref.address()}. */
    Set<TableMark> tableMarks(EntryRef ref) {
        EnumSet<TableMark> s = tableMarks.get(ref);
        return s == null ? Set.of() : s;
    }

    /** Whether the step marked any entry of this kind of table. */
    boolean touches(TableKind kind) {
        return marks.keySet().stream().anyMatch(r -> r.table() == kind);
    }

    /** Whether the step marked an entry inside the table at {@code tableBase}. */
    boolean touchesTable(TableKind kind, long tableBase) {
        return marks.keySet().stream().anyMatch(r -> r.table() == kind && r.tableBase() == tableBase);
    }

    List<EntryLink> links() {
        return List.copyOf(links);
    }

    private void mark(EntryRef ref, EntryMark mark) {
        marks.computeIfAbsent(ref, k -> EnumSet.noneOf(EntryMark.class)).add(mark);
    }

    private void markTable(EntryRef ref, TableMark mark) {
        tableMarks.computeIfAbsent(new EntryRef(ref.table(), ref.tableBase()), k -> EnumSet.noneOf(TableMark.class))
                .add(mark);
    }

    private void link(EntryRef from, EntryRef to, LinkKind kind, int number) {
        links.add(new EntryLink(number, from, to, kind));
        linkNumbers.computeIfAbsent(from, k -> new ArrayList<>()).add(number);
        List<Integer> at = linkNumbers.computeIfAbsent(to, k -> new ArrayList<>());
        if (!at.contains(number)) {
            at.add(number);
        }
    }

    /** Visits the events in order; events that do not touch a table entry leave no mark. */
    private final class Folder implements EventVisitor<Void> {
        private final VmTables tables;
        private int readOrdinal;
        private int linkCount;

        Folder(VmTables tables) {
            this.tables = tables;
        }

        @Override
        public Void visitWalkStep(WalkStep e) {
            TableKind kind = switch (e.dimension()) {
                case GUEST -> TableKind.GUEST;
                case HOST -> tables.hostKind() == null ? TableKind.EPT : tables.hostKind();
                case SHADOW -> TableKind.SHADOW;
                case NATIVE -> TableKind.NATIVE;
            };
            EntryRef ref = new EntryRef(kind, e.entryAddress());
            mark(ref, EntryMark.READ);
            if (!e.present()) {
                mark(ref, EntryMark.FAULT);
            }
            reads.computeIfAbsent(ref, k -> new ArrayList<>()).add(++readOrdinal);
            return null;
        }

        @Override
        public Void visitShadowSync(ShadowSync e) {
            EntryRef shadow = new EntryRef(TableKind.SHADOW, e.shadowEntryAddress());
            EntryRef guest = new EntryRef(TableKind.GUEST, e.guestEntryAddress());
            switch (e.kind()) {
                case FILL -> {
                    int n = ++linkCount;
                    mark(shadow, EntryMark.FILLED);
                    mark(guest, EntryMark.SOURCE);
                    link(guest, shadow, LinkKind.FILL, n);
                    if (X86Entry.present(e.shadowEntry()) && X86Entry.isLeaf(e.shadowEntry(), e.level())) {
                        long gpa = TableMemory.translate(tables.guestWalk(tables.vm().cr3(), e.gva()), e.gva());
                        hostSource(gpa, shadow, LinkKind.FILL, n);
                    }
                }
                case UPDATE -> {
                    int n = ++linkCount;
                    mark(shadow, EntryMark.UPDATED);
                    mark(guest, EntryMark.SOURCE);
                    link(guest, shadow, LinkKind.UPDATE, n);
                    if (X86Entry.present(e.guestEntry())) {
                        hostSource(X86Entry.address(e.guestEntry(), 1), shadow, LinkKind.UPDATE, n);
                    }
                }
                case ZAP -> {
                    mark(shadow, EntryMark.ZAPPED);
                    if (e.guestEntryAddress() >= 0) {
                        link(guest, shadow, LinkKind.ZAP, ++linkCount);
                    }
                }
                case WRITE_PROTECT -> markTable(guest, TableMark.PROTECTED_NOW);
                case UNPROTECT -> markTable(guest, TableMark.UNPROTECTED_NOW);
                case ROOT_SWITCH -> markTable(shadow, TableMark.ROOT_SWITCHED);
                case ROOT_DROP -> markTable(shadow, TableMark.ROOT_DROPPED);
            }
            return null;
        }

        private void hostSource(long gpa, EntryRef shadow, LinkKind kind, int n) {
            EntryRef p2m = gpa < 0 ? null : tables.p2mLeaf(gpa);
            if (p2m != null) {
                mark(p2m, EntryMark.SOURCE);
                link(p2m, shadow, kind, n);
            }
        }

        @Override
        public Void visitGuestWrite(GuestWrite e) {
            if (e.target() == WriteTarget.PAGE_TABLE) {
                mark(new EntryRef(tables.guestKind(), e.address()), EntryMark.WRITTEN);
            }
            return null;
        }

        @Override
        public Void visitEptFill(EptFill e) {
            EntryRef leaf = tables.p2mLeaf(e.gpa());
            if (leaf != null) {
                mark(leaf, EntryMark.FILLED);
            }
            return null;
        }

        // events that change no table entry the view shows: the story strip tells them

        @Override
        public Void visitTlbLookup(TlbLookup e) {
            return null;
        }

        @Override
        public Void visitTranslated(Translated e) {
            return null;
        }

        @Override
        public Void visitGuestPageFault(GuestPageFault e) {
            return null;
        }

        @Override
        public Void visitVmExit(VmExit e) {
            return null;
        }

        @Override
        public Void visitVmEntry(VmEntry e) {
            return null;
        }

        @Override
        public Void visitFrameAlloc(FrameAlloc e) {
            return null;
        }

        @Override
        public Void visitFrameFree(FrameFree e) {
            return null;
        }

        @Override
        public Void visitSwapOut(SwapOut e) {
            return null;
        }

        @Override
        public Void visitSwapIn(SwapIn e) {
            return null;
        }

        @Override
        public Void visitBalloonInflate(BalloonInflate e) {
            return null;
        }

        @Override
        public Void visitBalloonDeflate(BalloonDeflate e) {
            return null;
        }

        @Override
        public Void visitPageScan(PageScan e) {
            return null;
        }

        @Override
        public Void visitPageMerge(PageMerge e) {
            return null;
        }

        @Override
        public Void visitCowBreak(CowBreak e) {
            return null;
        }

        @Override
        public Void visitMemslotLookup(MemslotLookup e) {
            return null;
        }

        @Override
        public Void visitHostTableRead(HostTableRead e) {
            return null;
        }

        @Override
        public Void visitHostPageFault(HostPageFault e) {
            return null;
        }

        @Override
        public Void visitMmuNotifierInvalidate(MmuNotifierInvalidate e) {
            return null;
        }
    }

    /** The dimension a kind of table is walked in by the hardware, for decoding its entries. */
    static Dimension dimension(TableKind kind) {
        return switch (kind) {
            case GUEST -> Dimension.GUEST;
            case NATIVE -> Dimension.NATIVE;
            case EPT, P2M -> Dimension.HOST;
            case SHADOW -> Dimension.SHADOW;
        };
    }
}
