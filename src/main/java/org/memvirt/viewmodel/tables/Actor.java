package org.memvirt.viewmodel.tables;

/**
 * Who does a step of the story, and so its colour: guest blue, host/EPT orange, shadow purple,
 * hypervisor vermillion, data green, the bare hardware neutral. The view prints the word too.
 */
public enum Actor {
    GUEST("guest"),
    HOST("host / EPT"),
    SHADOW("shadow"),
    VMM("hypervisor"),
    DATA("data"),
    HARDWARE("hardware");

    private final String label;

    Actor(String label) {
        this.label = label;
    }

    /** The word printed on a beat. */
    public String label() {
        return label;
    }
}
