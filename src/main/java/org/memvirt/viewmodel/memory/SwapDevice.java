package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.Swapper;

/**
 * The host's swap device, slot by slot: which guest page each slot holds. The snapshot does not
 * carry it, so it is folded from the events: a host swap-out fills a slot, a host swap-in empties
 * it, and ballooning a host-swapped page discards its slot (the host needs the contents no more).
 * Immutable; {@link #after} returns the device after one more step.
 */
public final class SwapDevice {
    /** A device nothing was ever written to. */
    public static final SwapDevice EMPTY = new SwapDevice(List.of(), Map.of());

    private final List<GuestRef> slots;
    private final Map<GuestRef, Integer> slotOf;

    private SwapDevice(List<GuestRef> slots, Map<GuestRef, Integer> slotOf) {
        this.slots = slots;
        this.slotOf = slotOf;
    }

    /** The device after a step that caused {@code events}. */
    public SwapDevice after(List<Event> events) {
        List<GuestRef> s = null;
        Map<GuestRef, Integer> of = null;
        for (Event e : events) {
            if (e instanceof SwapOut out && out.swapper() == Swapper.HOST) {
                if (s == null) {
                    s = new ArrayList<>(slots);
                    of = new HashMap<>(slotOf);
                }
                GuestRef page = new GuestRef(out.vm(), (int) (out.gpa() >>> 12));
                while (s.size() <= out.slot()) {
                    s.add(null);
                }
                s.set(out.slot(), page);
                of.put(page, out.slot());
            } else if (e instanceof SwapIn in && in.swapper() == Swapper.HOST) {
                if (s == null) {
                    s = new ArrayList<>(slots);
                    of = new HashMap<>(slotOf);
                }
                GuestRef page = new GuestRef(in.vm(), (int) (in.gpa() >>> 12));
                of.remove(page);
                if (in.slot() < s.size()) {
                    s.set(in.slot(), null);
                }
            } else if (e instanceof BalloonInflate b) {
                for (long gfn : b.gfns()) {
                    GuestRef page = new GuestRef(b.vm(), (int) gfn);
                    Integer slot = (of == null ? slotOf : of).get(page);
                    if (slot != null) {
                        if (s == null) {
                            s = new ArrayList<>(slots);
                            of = new HashMap<>(slotOf);
                        }
                        of.remove(page);
                        s.set(slot, null);
                    }
                }
            }
        }
        if (s == null) {
            return this;
        }
        return new SwapDevice(Collections.unmodifiableList(s), Collections.unmodifiableMap(of));
    }

    /** Slots written so far (used or emptied again); slots are numbered from 0 and not reused. */
    public int slotCount() {
        return slots.size();
    }

    /** Slots holding a page now. */
    public int used() {
        return slotOf.size();
    }

    /** Pages of one VM on the device now. */
    public int used(int vm) {
        return (int) slotOf.keySet().stream().filter(p -> p.vm() == vm).count();
    }

    /** The page a slot holds, or null when it is empty. */
    public GuestRef slot(int slot) {
        return slot >= 0 && slot < slots.size() ? slots.get(slot) : null;
    }

    /** The slot holding a guest page, or -1 when the host has not swapped it out. */
    public int slotOf(int vm, int gfn) {
        Integer slot = slotOf.get(new GuestRef(vm, gfn));
        return slot == null ? -1 : slot;
    }

    /** The look of one slot. */
    public int look(int slot) {
        GuestRef page = slot(slot);
        return page == null ? Looks.EMPTY_SLOT : Looks.swapSlot(page.vm());
    }
}
