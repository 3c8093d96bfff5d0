package org.memvirt.viewmodel.tables;

/**
 * A shadow entry and an entry it was made from in this step: the view draws an arrow between
 * them.
 *
 * @param number which fill or update this was, from 1, printed at both ends
 * @param from   the guest entry or the P2M entry behind the data
 * @param to     the shadow entry
 * @param kind   what the hypervisor did to the shadow entry
 */
public record EntryLink(int number, EntryRef from, EntryRef to, LinkKind kind) {

    /** What a link stands for. */
    public enum LinkKind {
        /** The shadow entry was filled from this entry. */
        FILL("fill"),
        /** The shadow entry was rewritten from this entry after a trapped store. */
        UPDATE("update"),
        /** The shadow entry was cleared because this entry changed. */
        ZAP("zap");

        private final String label;

        LinkKind(String label) {
            this.label = label;
        }

        /** The word drawn on the arrow. */
        public String label() {
            return label;
        }
    }
}
