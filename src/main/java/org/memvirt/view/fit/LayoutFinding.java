package org.memvirt.view.fit;

/**
 * One thing on screen that a viewer cannot read in full.
 *
 * @param kind  what is wrong with it
 * @param text  the text it should show (shortened to a line), or the scrolling node's name
 * @param where the nearest node id above it ("step-panel", "lesson-walk"), to find it in the code
 */
public record LayoutFinding(Kind kind, String text, String where) {

    /** The ways text fails a viewer, as the layout audit counts them. */
    public enum Kind {
        /** A label shows "…" instead of its end. */
        ELLIPSIS("cut with …"),
        /** A text runs past the edge of what holds it, or of the window. */
        CLIPPED("clipped"),
        /** A word is wider than its line, so the line breaks inside it ("Introductio n"). */
        BROKEN_WORD("word broken"),
        /** The main view's content is larger than its room and needs a scroll bar. */
        OVERFLOW("needs scrolling"),
        /** Key text is smaller than the back row of a lecture hall can read. */
        TOO_SMALL("too small");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** How the audit's list of offenders says it. */
        public String words() {
            return words;
        }
    }

    /** "clipped 'Introduction' in #outline". */
    @Override
    public String toString() {
        return kind.words() + " '" + text + "' in #" + where;
    }
}
