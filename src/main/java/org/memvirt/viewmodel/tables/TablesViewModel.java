package org.memvirt.viewmodel.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.memvirt.engine.VmImage;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.guest.GuestProcess;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.Levels;
import org.memvirt.viewmodel.HexAddress;
import org.memvirt.viewmodel.StepFrame;

/**
 * The Tables view: guest, EPT and shadow tables of one VM and process side by side as trees of
 * decoded entries, for the step the lesson player sets. The player sets {@link #frameProperty()};
 * the student picks the VM, the process and whether every present entry is opened. Everything
 * else is derived, as one {@link TablesContent} value.
 *
 * <p>The tree follows the last address the VM translated (or faulted on, or whose entry it wrote):
 * a step without one keeps the address of the step shown before it. On a new step the view turns
 * to the VM the step concerns and to the process that runs in it.
 */
public final class TablesViewModel {
    private final ObjectProperty<StepFrame> frame = new SimpleObjectProperty<>(this, "frame");
    private final ObservableList<Integer> vmIds = FXCollections.observableArrayList();
    private final ObservableList<Integer> vmIdsReadOnly = FXCollections.unmodifiableObservableList(vmIds);
    private final ObjectProperty<Integer> selectedVm = new SimpleObjectProperty<>(this, "selectedVm");
    private final ObservableList<ProcessChoice> processes = FXCollections.observableArrayList();
    private final ObservableList<ProcessChoice> processesReadOnly = FXCollections.unmodifiableObservableList(processes);
    private final ObjectProperty<Integer> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final BooleanProperty showAll = new SimpleBooleanProperty(this, "showAll", false);
    private final ReadOnlyObjectWrapper<TablesContent> content =
            new ReadOnlyObjectWrapper<>(this, "content", TablesContent.empty());
    private final Map<Integer, Long> followed = new HashMap<>();
    private boolean adjusting;

    public TablesViewModel() {
        frame.addListener((obs, old, now) -> onFrame(now));
        selectedVm.addListener((obs, old, now) -> {
            if (!adjusting) {
                adjusting = true;
                try {
                    choosePid(true);
                } finally {
                    adjusting = false;
                }
                refresh();
            }
        });
        selectedPid.addListener((obs, old, now) -> {
            if (!adjusting) {
                refresh();
            }
        });
        showAll.addListener((obs, old, now) -> refresh());
    }

    // ---- input ----

    /** The step shown; the lesson player sets it as the student steps. */
    public ObjectProperty<StepFrame> frameProperty() {
        return frame;
    }

    public void setFrame(StepFrame f) {
        frame.set(f);
    }

    /** The VM whose tables are shown (0 on a native machine). */
    public ObjectProperty<Integer> selectedVmProperty() {
        return selectedVm;
    }

    /** The process whose guest table (and shadow table) is shown. */
    public ObjectProperty<Integer> selectedPidProperty() {
        return selectedPid;
    }

    /** Whether every present entry is opened, not only those on the followed path or touched by the step. */
    public BooleanProperty showAllProperty() {
        return showAll;
    }

    /** Opens every present entry, or only the followed path again. */
    public void toggleShowAll() {
        showAll.set(!showAll.get());
    }

    /** Shows VM {@code id}'s tables, if the machine has that VM. */
    public void selectVm(int id) {
        if (vmIds.contains(id)) {
            selectedVm.set(id);
        }
    }

    /** Shows process {@code pid}'s tables, if the VM has that process. */
    public void selectProcess(int pid) {
        if (processes.stream().anyMatch(p -> p.pid() == pid)) {
            selectedPid.set(pid);
        }
    }

    // ---- output (read only) ----

    /** The VMs of the machine, to choose from. */
    public ObservableList<Integer> vmIds() {
        return vmIdsReadOnly;
    }

    /** The processes of the chosen VM, to choose from. */
    public ObservableList<ProcessChoice> processes() {
        return processesReadOnly;
    }

    /** Everything drawn, replaced as a whole on every change. */
    public ReadOnlyObjectProperty<TablesContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public TablesContent getContent() {
        return content.get();
    }

    // ---- derivation ----

    private void onFrame(StepFrame f) {
        adjusting = true;
        try {
            if (f == null) {
                vmIds.clear();
                processes.clear();
                selectedVm.set(null);
                selectedPid.set(null);
                return;
            }
            List<Integer> ids = f.snapshot().vms().stream().map(VmImage::id).toList();
            if (!vmIds.equals(ids)) {
                vmIds.setAll(ids);
            }
            Integer active = null;
            for (Event e : f.events()) {
                int vm = e.accept(VmOfEvent.INSTANCE);
                if (active == null && ids.contains(vm)) {
                    active = vm;
                }
            }
            for (int id : ids) {
                long focus = focusOf(f.events(), id);
                if (focus >= 0) {
                    followed.put(id, focus);
                }
            }
            if (active != null) {
                selectedVm.set(active);
            } else if (selectedVm.get() == null || !ids.contains(selectedVm.get())) {
                selectedVm.set(ids.isEmpty() ? null : ids.get(0));
            }
            choosePid(active != null && active.equals(selectedVm.get()));
        } finally {
            adjusting = false;
        }
        refresh();
    }

    /** Lists the chosen VM's processes; picks the running one when asked or when the choice is gone. */
    private void choosePid(boolean followRunning) {
        StepFrame f = frame.get();
        Integer vmId = selectedVm.get();
        if (f == null || vmId == null) {
            processes.clear();
            selectedPid.set(null);
            return;
        }
        VmImage vm = f.snapshot().vm(vmId);
        String space = f.snapshot().config().mode() == PagingMode.NATIVE ? "PA " : "gPA ";
        List<ProcessChoice> choices = vm.processes().stream().map(p -> new ProcessChoice(p.pid(), p.root(),
                p.pid() == vm.currentPid(), "Process " + p.pid(), "CR3 " + space + HexAddress.compact(p.root())
                + (p.pid() == vm.currentPid() ? " · running" : ""))).toList();
        if (!processes.equals(choices)) {
            processes.setAll(choices);
        }
        Integer pid = selectedPid.get();
        boolean valid = pid != null && choices.stream().anyMatch(c -> c.pid() == pid);
        if (followRunning || !valid) {
            selectedPid.set(choices.isEmpty() ? null : vm.currentPid());
        }
    }

    private void refresh() {
        StepFrame f = frame.get();
        Integer vmId = selectedVm.get();
        Integer pid = selectedPid.get();
        if (f == null || vmId == null) {
            content.set(TablesContent.empty());
            return;
        }
        VmTables tables = new VmTables(f.snapshot(), vmId);
        String headline = "Step " + f.index() + (f.title() == null || f.title().isBlank() ? "" : " · " + f.title());
        PagingMode mode = tables.mode();
        GuestProcess process = pid == null ? null : tables.vm().processes().stream().filter(p -> p.pid() == pid)
                .findFirst().orElse(null);
        String where = TableColumns.modeName(mode) + (mode == PagingMode.NATIVE ? "" : " · VM " + vmId);
        List<StoryBeat> story = StoryTeller.tell(f.events(), vmId, mode);
        if (process == null) {
            content.set(new TablesContent(f.index(), headline, where, "This VM has no process yet: no guest table.",
                    List.of(), List.of(), story));
            return;
        }
        long focus = followed.getOrDefault(vmId, -1L);
        StepMarks marks = StepMarks.of(f.events(), tables);
        List<TableColumn> columns = TableColumns.of(tables, process, marks, focus, showAll.get());
        content.set(new TablesContent(f.index(), headline, where + " · process " + process.pid(),
                focusText(tables, process, focus), columns, marks.links(), story));
    }

    private static String focusText(VmTables tables, GuestProcess process, long focus) {
        String va = tables.mode() == PagingMode.NATIVE ? "VA " : "gVA ";
        if (focus < 0) {
            return "No address translated yet: only the top table is open. Tick \"Show all present entries\" to open"
                    + " every table.";
        }
        List<TableMemory.Step> walk = tables.guestWalk(process.root(), focus);
        int leafLevel = walk.isEmpty() || !walk.get(walk.size() - 1).leaf() ? 1 : walk.get(walk.size() - 1).level();
        StringBuilder sb = new StringBuilder("Following ").append(va).append(HexAddress.grouped(focus)).append(":  ");
        for (int level = tables.guestLevels(); level >= leafLevel; level--) {
            sb.append(Levels.name(level)).append(" [").append(Levels.index(focus, level)).append("] · ");
        }
        sb.append("offset ").append(HexAddress.compact(focus & (Levels.span(leafLevel) - 1)));
        return sb.toString();
    }

    /**
     * The address a step's events say VM {@code vm} used, or -1: the last translated address,
     * else the last faulting one, else the last address whose shadow or guest entry changed.
     */
    static long focusOf(List<Event> events, int vm) {
        long best = -1;
        int rank = -1;
        for (Event e : events) {
            if (e.accept(VmOfEvent.INSTANCE) != vm) {
                continue;
            }
            long address = -1;
            int r = -1;
            switch (e.accept(StoryRole.OF)) {
                case RESULT -> {
                    address = ((Translated) e).gva();
                    r = 3;
                }
                case FAULT -> {
                    address = ((GuestPageFault) e).gva();
                    r = 2;
                }
                case TABLE_STORE -> {
                    address = ((GuestWrite) e).gva();
                    r = 1;
                }
                case HYPERVISOR_WORK -> {
                    if (e instanceof ShadowSync s) {
                        address = s.gva();
                        r = 1;
                    }
                }
                case EXIT -> {
                    address = ((VmExit) e).gva();
                    r = 0;
                }
                case TLB_HIT, WALK, ENTRY, NONE -> {
                    // says nothing about which virtual address, or is told by the Translated that follows
                }
            }
            if (address >= 0 && r >= rank) {
                best = address;
                rank = r;
            }
        }
        return best;
    }
}
