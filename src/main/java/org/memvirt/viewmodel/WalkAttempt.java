package org.memvirt.viewmodel;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;

/**
 * One try of an access: the walk from its first lookup to where it completed or faulted. An
 * access that exits to the hypervisor and is resumed runs its walk again from scratch; each run
 * is an attempt, and the grid must be able to tell the one that faulted from the retry.
 *
 * @param number  from 1
 * @param from    index of its first event in the access's events
 * @param to      index after its last event (the VM entry that resumed the guest, for a try that exited)
 * @param faultedAt the reference whose entry stopped the walk, or null when it did not fault there
 * @param fault   the fault in words ("EPT violation at gPA 0x…: EPT PT entry not present"), empty when none
 */
public record WalkAttempt(int number, int from, int to, WalkStep faultedAt, String fault) {

    /** Whether this try stopped with a fault (of any kind: not present, protection, reserved bit, EPT). */
    public boolean faulted() {
        return !fault.isEmpty();
    }

    /**
     * The attempts of an access, in order. A VM entry followed by another lookup or walk starts a
     * new attempt; an entry that injects a fault is followed by the guest's handler, not a retry.
     */
    public static List<WalkAttempt> of(List<Event> events) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int entry = -1;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e instanceof VmEntry) {
                entry = i + 1;
            } else if (entry >= 0 && (e instanceof TlbLookup || e instanceof WalkStep)) {
                starts.add(entry);
                entry = -1;
            }
        }
        List<WalkAttempt> attempts = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : events.size();
            attempts.add(attempt(k + 1, events.subList(from, to), from, to));
        }
        return List.copyOf(attempts);
    }

    private static WalkAttempt attempt(int number, List<Event> events, int from, int to) {
        WalkStep last = null;
        String fault = "";
        boolean completed = false;
        for (Event e : events) {
            if (e instanceof WalkStep w) {
                last = w;
            } else if (e instanceof Translated) {
                completed = true;
            } else if (fault.isEmpty() && e instanceof VmExit x && faultExit(x)) {
                fault = words(x);
            } else if (fault.isEmpty() && e instanceof GuestPageFault f) {
                fault = "page fault: " + f.reason();
            }
        }
        if (completed) {
            fault = "";
        }
        return new WalkAttempt(number, from, to, fault.isEmpty() ? null : last, fault);
    }

    /** The exits a walk's own fault causes (not a CR3 write or INVLPG the guest asked for). */
    private static boolean faultExit(VmExit x) {
        return switch (x.reason()) {
            case EPT_VIOLATION, EPT_MISCONFIG, EXCEPTION_NMI -> true;
            case CR_ACCESS, INVLPG -> false;
        };
    }

    private static String words(VmExit x) {
        String where = x.gpa() >= 0 ? " at gPA " + HexAddress.grouped(x.gpa()) : "";
        return switch (x.reason()) {
            case EPT_VIOLATION -> "EPT violation" + where + ": " + x.detail();
            case EPT_MISCONFIG -> "EPT misconfiguration" + where + ": " + x.detail();
            case EXCEPTION_NMI -> "shadow page fault (exit " + x.reason().code() + "): " + x.detail();
            case CR_ACCESS, INVLPG -> x.detail();
        };
    }
}
