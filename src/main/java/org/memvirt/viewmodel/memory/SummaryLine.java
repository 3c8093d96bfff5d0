package org.memvirt.viewmodel.memory;

/**
 * One line of "what this step did", with the topic the view picks an icon for.
 *
 * @param topic what the line is about
 * @param text  the sentence
 */
public record SummaryLine(Topic topic, String text) {

    /** What a line is about. */
    public enum Topic {
        /** Guest pages backed by host frames on first touch. */
        BACKING,
        /** The sharing scanner and merges. */
        SHARING,
        /** Copy-on-write breaks. */
        COPY_ON_WRITE,
        /** The balloon driver. */
        BALLOON,
        /** Host or guest swapping. */
        SWAP,
        /** The host's own frames under pressure. */
        HOST,
        /** The net change of free host memory. */
        NET
    }
}
