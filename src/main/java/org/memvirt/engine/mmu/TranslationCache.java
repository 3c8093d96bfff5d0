package org.memvirt.engine.mmu;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.memory.CowVector;
import org.memvirt.engine.memory.Epoch;

/**
 * A set-associative, least-recently-used cache of translations, the shape shared by the TLB, the
 * nested TLB and the page-walk cache. An entry covers an aligned range of {@code 2^shift} bytes
 * at {@code base} for one {@code tag} (VPID and PCID), and holds a target address, an extra
 * address (the GPA behind a TLB entry) and attribute bits.
 */
public final class TranslationCache {
    private final int sets;
    private final int ways;
    private final long[] tags;
    private final long[] bases;
    private final int[] shifts;
    private final long[] targets;
    private final long[] extras;
    private final long[] attrs;
    private final long[] stamps;
    private final CowVector<CachedTranslation> image;
    private long clock;

    /** A cache of {@code entries} entries in sets of {@code ways}; snapshots share {@code epoch}. */
    public TranslationCache(Epoch epoch, int entries, int ways) {
        if (entries <= 0 || ways <= 0 || entries % ways != 0) {
            throw new IllegalArgumentException(
                    "cache needs a positive number of entries divisible by its ways: " + entries + "/" + ways);
        }
        this.ways = ways;
        this.sets = entries / ways;
        this.tags = new long[entries];
        this.bases = new long[entries];
        this.shifts = new int[entries];
        this.targets = new long[entries];
        this.extras = new long[entries];
        this.attrs = new long[entries];
        this.stamps = new long[entries];
        this.image = new CowVector<>(epoch, entries);
    }

    /** Total entries. */
    public int capacity() {
        return tags.length;
    }

    /**
     * The slot holding a translation of {@code address} for {@code tag} at page size
     * {@code 2^shift}, or -1. A hit makes the slot most recently used.
     */
    public int find(long tag, long address, int shift) {
        long base = address & ~((1L << shift) - 1);
        int first = setOf(tag, base, shift) * ways;
        for (int slot = first; slot < first + ways; slot++) {
            if (shifts[slot] == shift && bases[slot] == base && tags[slot] == tag) {
                stamps[slot] = ++clock;
                return slot;
            }
        }
        return -1;
    }

    /** Inserts (or refreshes) a translation, evicting the set's least recently used entry. */
    public void insert(long tag, long address, int shift, long target, long extra, long attributes) {
        long base = address & ~((1L << shift) - 1);
        int first = setOf(tag, base, shift) * ways;
        int victim = -1;
        for (int slot = first; slot < first + ways && victim < 0; slot++) {
            if (shifts[slot] == shift && bases[slot] == base && tags[slot] == tag) {
                victim = slot; // refresh the entry already there, wherever it sits in the set
            }
        }
        for (int slot = first; slot < first + ways && victim < 0; slot++) {
            if (shifts[slot] == 0) {
                victim = slot;
            }
        }
        if (victim < 0) {
            victim = first;
            for (int slot = first + 1; slot < first + ways; slot++) {
                if (stamps[slot] < stamps[victim]) {
                    victim = slot;
                }
            }
        }
        tags[victim] = tag;
        bases[victim] = base;
        shifts[victim] = shift;
        targets[victim] = target;
        extras[victim] = extra;
        attrs[victim] = attributes;
        stamps[victim] = ++clock;
        image.set(victim, new CachedTranslation(tag, base, shift, target, extra, attributes));
    }

    public long target(int slot) {
        return targets[slot];
    }

    public long extra(int slot) {
        return extras[slot];
    }

    public long attributes(int slot) {
        return attrs[slot];
    }

    /** Updates the attribute bits of a slot (the TLB records that a page became dirty). */
    public void setAttributes(int slot, long attributes) {
        attrs[slot] = attributes;
        image.set(slot, new CachedTranslation(tags[slot], bases[slot], shifts[slot], targets[slot], extras[slot],
                attributes));
    }

    /** Drops every entry of {@code tag} whose range covers {@code address} (INVLPG). */
    public int invalidateAddress(long tag, long address) {
        int dropped = 0;
        for (int slot = 0; slot < tags.length; slot++) {
            if (shifts[slot] != 0 && tags[slot] == tag
                    && bases[slot] == (address & ~((1L << shifts[slot]) - 1))) {
                drop(slot);
                dropped++;
            }
        }
        return dropped;
    }

    /** Drops every entry whose tag, masked by {@code tagMask}, equals {@code tag}. */
    public int invalidateTag(long tag, long tagMask) {
        int dropped = 0;
        for (int slot = 0; slot < tags.length; slot++) {
            if (shifts[slot] != 0 && (tags[slot] & tagMask) == tag) {
                drop(slot);
                dropped++;
            }
        }
        return dropped;
    }

    /** Drops everything. */
    public void invalidateAll() {
        for (int slot = 0; slot < tags.length; slot++) {
            if (shifts[slot] != 0) {
                drop(slot);
            }
        }
    }

    /** The valid entries as they are now; later changes do not show through it. */
    public Image freeze() {
        return new Image(image.freeze());
    }

    private void drop(int slot) {
        shifts[slot] = 0;
        image.set(slot, null);
    }

    private int setOf(long tag, long base, int shift) {
        long h = (base >>> shift) ^ (tag * 0x9E3779B97F4A7C15L) ^ shift;
        h ^= h >>> 17;
        return (int) Long.remainderUnsigned(h, sets);
    }

    /**
     * One valid cache entry, as a snapshot shows it.
     *
     * @param tag        VPID/PCID tag
     * @param base       start of the covered range
     * @param shift      log2 of the covered range
     * @param target     the translated base address
     * @param extra      a second address (the GPA behind a TLB entry)
     * @param attributes permission bits
     */
    public record CachedTranslation(long tag, long base, int shift, long target, long extra, long attributes) {
    }

    /** The contents of a cache at one step: immutable, shares structure with other steps. */
    public static final class Image {
        private final CowVector.Frozen<CachedTranslation> slots;

        private Image(CowVector.Frozen<CachedTranslation> slots) {
            this.slots = slots;
        }

        /** Total entries the cache has room for. */
        public int capacity() {
            return slots.size();
        }

        /** The valid entries, in slot order. */
        public List<CachedTranslation> entries() {
            List<CachedTranslation> list = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                CachedTranslation t = slots.get(i);
                if (t != null) {
                    list.add(t);
                }
            }
            return list;
        }
    }
}
