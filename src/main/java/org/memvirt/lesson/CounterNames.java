package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.ExitReason;

/**
 * The counters a lesson can state and narrate, under DESIGN.md's names and in its order, and
 * how to read each from a snapshot. {@code vmExits} is the sum over reasons;
 * {@code vmExits.REASON} one reason (as Linux names it).
 */
public final class CounterNames {
    /** The name of the exit counter; {@code vmExits.EPT_VIOLATION} names one reason. */
    public static final String VM_EXITS = "vmExits";
    private static final Map<String, ToLongFunction<CounterSnapshot>> COUNTERS;

    static {
        Map<String, ToLongFunction<CounterSnapshot>> m = new LinkedHashMap<>();
        m.put("accesses", CounterSnapshot::accesses);
        m.put("walkRefs", CounterSnapshot::walkRefs);
        m.put("guestRefs", CounterSnapshot::guestRefs);
        m.put("hostRefs", CounterSnapshot::hostRefs);
        m.put("shadowRefs", CounterSnapshot::shadowRefs);
        m.put("nativeRefs", CounterSnapshot::nativeRefs);
        m.put("tlbHits", CounterSnapshot::tlbHits);
        m.put("tlbMisses", CounterSnapshot::tlbMisses);
        m.put("guestFaults", CounterSnapshot::guestFaults);
        m.put("hiddenFaults", CounterSnapshot::hiddenFaults);
        m.put(VM_EXITS, CounterSnapshot::totalVmExits);
        m.put("hostFramesUsed", CounterSnapshot::hostFramesUsed);
        m.put("hostFramesFree", CounterSnapshot::hostFramesFree);
        m.put("swapOuts", CounterSnapshot::swapOuts);
        m.put("swapIns", CounterSnapshot::swapIns);
        m.put("balloonPages", CounterSnapshot::balloonPages);
        m.put("sharedFrames", CounterSnapshot::sharedFrames);
        m.put("framesSaved", CounterSnapshot::framesSaved);
        m.put("cowBreaks", CounterSnapshot::cowBreaks);
        m.put("hostPtRefs", CounterSnapshot::hostPtRefs);
        m.put("hostPageFaults", CounterSnapshot::hostPageFaults);
        COUNTERS = Collections.unmodifiableMap(m);
    }

    private CounterNames() {
    }

    /** Every counter name, in DESIGN.md's order. */
    public static List<String> names() {
        return List.copyOf(COUNTERS.keySet());
    }

    /** Every exit reason name, as Linux spells it. */
    public static List<String> exitReasons() {
        List<String> names = new ArrayList<>();
        for (ExitReason r : ExitReason.values()) {
            names.add(r.name());
        }
        return names;
    }

    /** True for a counter name or {@code vmExits.REASON}. */
    public static boolean isCounter(String name) {
        if (COUNTERS.containsKey(name)) {
            return true;
        }
        return name.startsWith(VM_EXITS + ".") && exitReasons().contains(name.substring(VM_EXITS.length() + 1));
    }

    /** The counter's value in a snapshot. */
    public static long value(CounterSnapshot counters, String name) {
        ToLongFunction<CounterSnapshot> f = COUNTERS.get(name);
        if (f != null) {
            return f.applyAsLong(counters);
        }
        if (name.startsWith(VM_EXITS + ".")) {
            return counters.vmExits().getOrDefault(name.substring(VM_EXITS.length() + 1), 0L);
        }
        throw new IllegalArgumentException("no counter " + name);
    }

    /** Exits by reason in the enum's order (not the map's, whose order is not stable between runs). */
    public static Map<String, Long> exitsInOrder(CounterSnapshot counters) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String r : exitReasons()) {
            Long n = counters.vmExits().get(r);
            if (n != null && n != 0) {
                m.put(r, n);
            }
        }
        return m;
    }
}
