package org.memvirt.view.shell;

/** The colour class of a counter, by what it counts (DESIGN.md's one meaning per colour). */
final class CounterStyles {
    private CounterStyles() {
    }

    static String of(String counter) {
        if (counter.startsWith("vmExits") || counter.equals("hiddenFaults")) {
            return "tone-vmm";
        }
        return switch (counter) {
            // a native walk reads the process's own tables, drawn in the guest's blue as in the walk grid
            case "guestRefs", "guestFaults", "nativeRefs" -> "tone-guest";
            case "hostRefs", "hostFramesUsed" -> "tone-host";
            case "shadowRefs" -> "tone-shadow";
            case "tlbHits", "accesses" -> "tone-data";
            case "sharedFrames", "framesSaved" -> "tone-shared";
            default -> "tone-neutral";
        };
    }
}
