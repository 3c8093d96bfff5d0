package org.memvirt.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.lesson.yaml.YamlNode;

/**
 * Reads the values lessons write about memory, checked against the machine: virtual addresses
 * (canonical for the guest's levels), guest-physical addresses (below MAXPHYADDR), page sizes,
 * table levels by number or name, and entry flags by name.
 */
final class Addresses {
    /** x86-64 entry flags by name (Intel SDM vol. 3A, 4.5). */
    static final Map<String, Long> X86_FLAGS = flags("P", X86Entry.P, "RW", X86Entry.RW, "US", X86Entry.US,
            "PWT", X86Entry.PWT, "PCD", X86Entry.PCD, "A", X86Entry.A, "D", X86Entry.D, "PS", X86Entry.PS,
            "G", X86Entry.G, "NX", X86Entry.NX);
    /** EPT entry flags by name (Intel SDM vol. 3C, 29.3.2). */
    static final Map<String, Long> EPT_FLAGS = flags("R", EptEntry.R, "W", EptEntry.W, "X", EptEntry.X,
            "IPAT", EptEntry.IGNORE_PAT, "LARGE", EptEntry.LARGE, "A", EptEntry.ACCESSED, "D", EptEntry.DIRTY);
    private static final List<String> LEVEL_NAMES = List.of("PT", "PD", "PDPT", "PML4", "PML5");

    private final Problems problems;
    private final MachineConfig config;
    private final long nativeMemory;

    Addresses(Problems problems, MachineConfig config) {
        this.problems = problems;
        this.config = config;
        this.nativeMemory = (long) config.hostFrames() << 12;
    }

    int guestLevels() {
        return config.guestLevels();
    }

    PageSize pageSize(Fields f, String key) {
        String t = f.text(key);
        if (t == null) {
            return PageSize.SIZE_4K;
        }
        try {
            return PageSize.parse(t);
        } catch (IllegalArgumentException e) {
            problems.at(f.node(key), "'" + key + "' must be 4K, 2M or 1G, not '" + t + "'");
            return PageSize.SIZE_4K;
        }
    }

    /** A virtual address that must be canonical for the guest's number of levels. */
    Long gva(YamlNode node, String key) {
        Long v = Fields.Scalars.address(node, key, problems);
        if (v == null) {
            return null;
        }
        if (!canonical(v)) {
            int bits = Levels.addressBits(config.guestLevels());
            problems.at(node, "'" + key + "' " + Hex.address(v) + " is not canonical for " + config.guestLevels()
                    + "-level paging: bits 63.." + (bits - 1) + " must all equal bit " + (bits - 1));
            return null;
        }
        return v;
    }

    /** The first address of {@code count} pages of {@code size}: canonical over the whole range, page-aligned. */
    Long mappedGva(Fields f, String key, PageSize size, int count) {
        Long v = gva(f.node(key), key);
        if (v == null) {
            return null;
        }
        if ((v & size.offsetMask()) != 0) {
            problems.at(f.node(key), "'" + key + "' " + Hex.address(v) + " is not aligned to a " + size + " page (did "
                    + "you mean " + Hex.address(v & ~size.offsetMask()) + "?)");
            return null;
        }
        long last = v + size.bytes() * count - 1;
        if (!canonical(last) || (last < 0) != (v < 0)) {
            problems.at(f.node(key), count + " page(s) of " + size + " from " + Hex.address(v)
                    + " run past the end of the canonical address range");
            return null;
        }
        return v;
    }

    /** A guest-physical address (natively: a physical address inside host memory). */
    Long gpa(YamlNode node, String key) {
        Long v = Fields.Scalars.address(node, key, problems);
        if (v == null) {
            return null;
        }
        long limit = config.mode() == org.memvirt.engine.mmu.PagingMode.NATIVE ? nativeMemory
                : 1L << config.mmu().maxPhyAddr();
        if (Long.compareUnsigned(v, limit) >= 0) {
            problems.at(node, "'" + key + "' " + Hex.address(v) + " is out of range: "
                    + (config.mode() == org.memvirt.engine.mmu.PagingMode.NATIVE
                    ? "physical memory ends at " + Hex.address(limit)
                    : "guest-physical addresses have " + config.mmu().maxPhyAddr() + " bits (maxPhyAddr)"));
            return null;
        }
        return v;
    }

    /** A guest-physical page to map {@code count} pages of {@code size} to. */
    Long explicitGpa(Fields f, String key, PageSize size, int count, int vm) {
        Long v = gpa(f.node(key), key);
        if (v == null) {
            return null;
        }
        if ((v & size.offsetMask()) != 0) {
            problems.at(f.node(key), "'" + key + "' " + Hex.address(v) + " is not aligned to a " + size + " page");
            return null;
        }
        Long end = gpaEnd(v, size.bytes() * count);
        if (end == null) {
            problems.at(f.node(key), count + " page(s) of " + size + " from " + Hex.address(v) + " run past the end of "
                    + (vm == 0 ? "physical memory" : "the guest-physical address space"));
            return null;
        }
        return v;
    }

    private Long gpaEnd(long start, long bytes) {
        long limit = config.mode() == org.memvirt.engine.mmu.PagingMode.NATIVE ? nativeMemory
                : 1L << config.mmu().maxPhyAddr();
        long end = start + bytes;
        return end < start || end > limit ? null : end;
    }

    /** A table level: 1..levels, or its name (PT, PD, PDPT, PML4, PML5). */
    int level(Fields f, String key, int levels, int fallback) {
        YamlNode n = f.node(key);
        if (n == null) {
            return fallback;
        }
        String t = Fields.Scalars.text(n, key, problems);
        if (t == null) {
            return fallback;
        }
        String name = t.strip().toUpperCase(Locale.ROOT).replace("EPT", "").strip();
        int byName = LEVEL_NAMES.indexOf(name);
        Long byNumber = Literals.parseLong(t);
        int level = byName >= 0 ? byName + 1 : byNumber == null ? -1 : (int) Math.max(-1, Math.min(99, byNumber));
        if (level < 1 || level > levels) {
            problems.at(n, "'" + key + "' must be a level from 1 (PT) to " + levels + " (" + LEVEL_NAMES.get(levels - 1)
                    + "), not '" + t + "'");
            return fallback;
        }
        return level;
    }

    /** The flags of a leaf the guest maps: names other than PS (the page size decides it); default RW US. */
    long leafFlags(YamlNode node) {
        if (node == null) {
            return X86Entry.RW | X86Entry.US;
        }
        long flags = flagBits(node, "flags", X86_FLAGS);
        if ((flags & X86Entry.PS) != 0) {
            problems.at(node, "PS is not a flag to set by hand: the page size ('size') decides it");
        }
        if ((flags & ~(X86Entry.P | X86Entry.RW | X86Entry.US | X86Entry.PWT | X86Entry.PCD | X86Entry.A | X86Entry.D
                | X86Entry.PS | X86Entry.G | X86Entry.NX)) != 0) {
            problems.at(node, "'flags' of a mapping are names (P RW US PWT PCD A D G NX); the address is the engine's");
        }
        return flags & ~X86Entry.PS;
    }

    /** Bits named in a list ({@code [RW, US]}), a string ({@code "RW US"}) or written as numbers. */
    long flagBits(YamlNode node, String key, Map<String, Long> names) {
        long bits = 0;
        for (YamlNode item : Fields.Scalars.items(node)) {
            String t = Fields.Scalars.text(item, key, problems);
            if (t == null) {
                continue;
            }
            for (String word : t.strip().split("[\\s|,+]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                Long named = names.get(word.toUpperCase(Locale.ROOT));
                Long number = named == null ? Literals.parseLong(word) : null;
                if (named == null && number == null) {
                    problems.at(item, "unknown flag '" + word + "'" + DidYouMean.hint(word, names.keySet()));
                    continue;
                }
                bits |= named != null ? named : number;
            }
        }
        return bits;
    }

    boolean canonical(long v) {
        int bits = Levels.addressBits(config.guestLevels());
        return (v << (64 - bits)) >> (64 - bits) == v;
    }


    private static Map<String, Long> flags(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return m;
    }
}
