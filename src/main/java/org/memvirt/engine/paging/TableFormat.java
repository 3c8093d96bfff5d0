package org.memvirt.engine.paging;

/** The two radix-table encodings the engine builds: guest x86-64 tables and EPT tables. */
public enum TableFormat {
    /** x86-64 paging entries (guest tables, native tables, shadow tables). */
    X86 {
        @Override
        public boolean present(long e) {
            return X86Entry.present(e);
        }

        @Override
        public boolean isLeaf(long e, int level) {
            return X86Entry.isLeaf(e, level);
        }

        @Override
        public long address(long e, int level) {
            return X86Entry.address(e, level);
        }

        @Override
        public long table(long tableAddress) {
            return X86Entry.table(tableAddress);
        }

        @Override
        public long leaf(long pageAddress, int level, long attributes) {
            return X86Entry.leaf(pageAddress, level, attributes);
        }
    },
    /** EPT entries (the hypervisor's GPA to HPA tables). */
    EPT {
        @Override
        public boolean present(long e) {
            return EptEntry.present(e);
        }

        @Override
        public boolean isLeaf(long e, int level) {
            return EptEntry.isLeaf(e, level);
        }

        @Override
        public long address(long e, int level) {
            return EptEntry.address(e, level);
        }

        @Override
        public long table(long tableAddress) {
            return EptEntry.table(tableAddress);
        }

        @Override
        public long leaf(long pageAddress, int level, long attributes) {
            return (pageAddress & EptEntry.ADDRESS_MASK) | attributes | (level > 1 ? EptEntry.LARGE : 0);
        }
    };

    /** Whether the entry maps anything. */
    public abstract boolean present(long e);

    /** Whether the entry at {@code level} maps a page (rather than a table). */
    public abstract boolean isLeaf(long e, int level);

    /** The address the entry holds. */
    public abstract long address(long e, int level);

    /** A non-leaf entry pointing to {@code tableAddress}. */
    public abstract long table(long tableAddress);

    /** A leaf entry for a page at {@code level} with the format's attribute bits. */
    public abstract long leaf(long pageAddress, int level, long attributes);
}
