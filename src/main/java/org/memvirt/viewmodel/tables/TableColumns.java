package org.memvirt.viewmodel.tables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.memvirt.engine.guest.GuestProcess;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.viewmodel.HexAddress;

/**
 * The columns for one VM and process: the guest (or native) table, then under nested paging the
 * EPT, under shadow paging the shadow table and the P2M it was made from. Each column follows the
 * translation path of one address: guest and shadow tables that address, EPT and P2M the
 * guest-physical addresses of the guest's tables on that path and of the data page.
 */
final class TableColumns {
    private TableColumns() {
    }

    /**
     * @param focus the virtual address whose path is opened, or -1 for none
     */
    static List<TableColumn> of(VmTables tables, GuestProcess process, StepMarks marks, long focus, boolean showAll) {
        Set<Long> path = focus < 0 ? Set.of() : Set.of(focus);
        List<TableColumn> columns = new ArrayList<>();
        for (TableKind kind : tables.columns()) {
            columns.add(switch (kind) {
                case GUEST, NATIVE -> guest(tables, kind, process, marks, path, showAll);
                case EPT, P2M -> host(tables, kind, process, marks, focus, showAll);
                case SHADOW -> shadow(tables, process, marks, path, showAll);
            });
        }
        return columns;
    }

    private static TableColumn guest(VmTables tables, TableKind kind, GuestProcess process, StepMarks marks,
                                     Set<Long> path, boolean showAll) {
        String who = switch (tables.mode()) {
            case NATIVE -> "walked by the hardware";
            case NESTED -> "walked by the hardware, each gPA through the EPT";
            case SHADOW -> "never walked by the hardware: the VMM reads it in software";
        };
        String subtitle = "Process " + process.pid() + " · CR3 = " + kind.space() + " " + HexAddress.compact(process.root())
                + " · " + kind.mapping() + " · " + who;
        List<TableRow> rows = new TableTreeBuilder(tables, kind, marks, showAll).build(process.root(), path);
        return new TableColumn(kind, kind.title(), subtitle, rows, "");
    }

    private static TableColumn host(VmTables tables, TableKind kind, GuestProcess process, StepMarks marks, long focus,
                                    boolean showAll) {
        String subtitle = (kind == TableKind.EPT ? "EPTP → hPA " : "Root hPA ") + HexAddress.compact(tables.p2mRoot())
                + " · " + kind.mapping() + " · VM " + tables.vm().id() + " · "
                + (kind == TableKind.EPT ? "walked by the hardware" : "EPT format, read only by the VMM in software");
        if (tables.p2mRoot() < 0) {
            return new TableColumn(kind, kind.title(), subtitle, List.of(), "This VM has no host table yet.");
        }
        // under nested paging the hardware translates the gPA of every guest table on the path and of
        // the data; under shadow paging only the data's P2M entry goes into the shadow entry
        boolean nested = kind == TableKind.EPT;
        Set<Long> gpas = new LinkedHashSet<>();
        if (nested) {
            gpas.add(process.root() & ~0xFFFL);
        }
        if (focus >= 0) {
            List<TableMemory.Step> walk = tables.guestWalk(process.root(), focus);
            for (TableMemory.Step s : walk) {
                if (nested) {
                    gpas.add(s.tableAddress());
                }
            }
            long gpa = TableMemory.translate(walk, focus);
            if (gpa >= 0) {
                gpas.add(gpa);
            }
        }
        List<TableRow> rows = new TableTreeBuilder(tables, kind, marks, showAll).build(tables.p2mRoot(), gpas);
        return new TableColumn(kind, kind.title(), subtitle, rows, "");
    }

    private static TableColumn shadow(VmTables tables, GuestProcess process, StepMarks marks, Set<Long> path,
                                      boolean showAll) {
        long root = tables.shadowRoot(process.root());
        boolean running = process.pid() == tables.vm().currentPid();
        if (root < 0) {
            return new TableColumn(TableKind.SHADOW, TableKind.SHADOW.title(), "For guest CR3 gPA "
                    + HexAddress.compact(process.root()) + " · gVA → hPA", List.of(),
                    "No shadow root for process " + process.pid() + (running ? " yet: the VMM makes one, empty, at the"
                            + " first access, and fills it on hidden faults." : ": the VMM makes one, empty, when the"
                            + " guest next loads CR3 = gPA " + HexAddress.compact(process.root()) + "."));
        }
        String subtitle = "Root hPA " + HexAddress.compact(root) + " for guest CR3 gPA " + HexAddress.compact(process.root())
                + " · " + TableKind.SHADOW.mapping() + " · " + (running ? "walked by the hardware"
                : "cached, not loaded: another process runs");
        List<TableRow> rows = new TableTreeBuilder(tables, TableKind.SHADOW, marks, showAll).build(root, path);
        return new TableColumn(TableKind.SHADOW, TableKind.SHADOW.title(), subtitle, rows, "");
    }

    /** Words for the mode: "Shadow paging". */
    static String modeName(PagingMode mode) {
        return switch (mode) {
            case NATIVE -> "Native paging";
            case NESTED -> "Nested paging (EPT)";
            case SHADOW -> "Shadow paging";
        };
    }
}
