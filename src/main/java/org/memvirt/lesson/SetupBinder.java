package org.memvirt.lesson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.lesson.yaml.YamlNode;
import org.memvirt.lesson.yaml.YamlScalar;

/**
 * Binds the {@code initial:} section: the pages each process has mapped before step 1, what
 * they hold, and (under demand paging) which of them the host has already backed.
 */
final class SetupBinder {
    /** Pages all mappings of a lesson may create before step 1. */
    static final int MAX_SETUP_PAGES = 65_536;
    /** Bytes a fill pattern may cover: each word is written one by one. */
    static final long MAX_FILL_BYTES = 16L << 20;
    static final int MAX_WORDS = 4096;
    static final int MAX_BACKED = 4096;
    private static final List<String> KEYS = List.of("mappings");
    private static final List<String> MAPPING_KEYS = List.of("vm", "process", "gva", "size", "count", "flags", "gpa",
            "samePageAs", "contents", "backed");
    private static final List<String> CONTENT_KEYS = List.of("fill", "step", "at", "words", "text");

    private final Problems problems;
    private final Topology topology;
    private final MachineConfig config;
    private final Addresses addresses;

    SetupBinder(Problems problems, Topology topology, MachineConfig config, Addresses addresses) {
        this.problems = problems;
        this.topology = topology;
        this.config = config;
        this.addresses = addresses;
    }

    List<MappingSetup> bind(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        Fields f = Fields.of(node, "the initial state", problems, KEYS);
        List<MappingSetup> mappings = new ArrayList<>();
        long pages = 0;
        for (YamlNode item : f.list("mappings")) {
            MappingSetup m = mapping(item, mappings);
            if (m != null) {
                pages += m.count();
                if (pages > MAX_SETUP_PAGES) {
                    problems.at(item, "the initial state maps more than " + MAX_SETUP_PAGES + " pages");
                    break;
                }
                mappings.add(m);
            }
        }
        return mappings;
    }

    private MappingSetup mapping(YamlNode node, List<MappingSetup> earlier) {
        int before = problems.count();
        Fields f = Fields.of(node, "a mapping", problems, MAPPING_KEYS);
        Integer vm = topology.vmId(f.node("vm"), f.at(), problems);
        if (vm == null) {
            return null;
        }
        Integer pid = topology.pid(vm, f.node("process"), topology.vm(vm).runningPid(), problems);
        PageSize size = addresses.pageSize(f, "size");
        int count = (int) f.integer("count", 1, MAX_SETUP_PAGES, 1);
        Long gva = f.require("gva") ? addresses.mappedGva(f, "gva", size, count) : null;
        long flags = addresses.leafFlags(f.node("flags"));
        long gpa = -1;
        if (f.has("gpa")) {
            Long g = addresses.explicitGpa(f, "gpa", size, count, vm);
            gpa = g == null ? -1 : g;
        }
        MappingSetup.PageRef same = null;
        if (f.has("samePageAs")) {
            if (f.has("gpa")) {
                problems.at(f.keyAt("samePageAs"), "a mapping takes 'gpa' or 'samePageAs', not both");
            }
            same = samePage(f.node("samePageAs"), vm, size, earlier);
        }
        if (pid == null || gva == null || problems.count() > before) {
            return null;
        }
        SourceLocation at = problems.where(f.at());
        for (MappingSetup e : earlier) {
            if (e.vm() == vm && e.pid() == pid && gva < e.gva() + e.bytes() && e.gva() < gva + size.bytes() * count) {
                problems.at(f.keyAt("gva"), "this mapping overlaps the one at line " + e.at().line() + " (process "
                        + topology.vm(vm).processName(pid) + ", " + Hex.address(e.gva()) + ")");
                return null;
            }
        }
        long bytes = size.bytes() * count;
        PageContents contents = f.has("contents") ? contents(f.node("contents"), bytes) : null;
        List<Long> backed = backed(f, bytes);
        if (problems.count() > before) {
            return null;
        }
        return new MappingSetup(vm, pid, gva, size, count, flags | org.memvirt.engine.paging.X86Entry.P, gpa, same,
                contents, backed, at);
    }

    private MappingSetup.PageRef samePage(YamlNode node, int vm, PageSize size, List<MappingSetup> earlier) {
        Fields f = Fields.of(node, "samePageAs", problems, List.of("process", "gva"));
        Integer pid = topology.pid(vm, f.node("process"), topology.vm(vm).runningPid(), problems);
        Long gva = f.require("gva") ? f.address("gva") : null;
        if (pid == null || gva == null) {
            return null;
        }
        for (MappingSetup e : earlier) {
            if (e.vm() == vm && e.pid() == pid && Long.compareUnsigned(gva - e.gva(), e.bytes()) < 0) {
                if (e.size() != size) {
                    problems.at(f.node("gva"), "that page is a " + e.size() + " page; this mapping is " + size);
                    return null;
                }
                return new MappingSetup.PageRef(pid, gva & ~size.offsetMask(), problems.where(f.at()));
            }
        }
        problems.at(f.node("gva"), "no earlier mapping of process " + topology.vm(vm).processName(pid) + " covers "
                + Hex.address(gva) + " (samePageAs names a page mapped above it)");
        return null;
    }

    private PageContents contents(YamlNode node, long bytes) {
        Fields f = Fields.of(node, "the contents", problems, CONTENT_KEYS);
        long fill = f.has("fill") ? orZero(f.address("fill")) : 0;
        long step = f.has("step") ? orZero(f.address("step")) : 0;
        if ((fill != 0 || step != 0) && bytes > MAX_FILL_BYTES) {
            problems.at(f.keyAt("fill"), "a fill pattern covers at most " + Literals.describeSize(MAX_FILL_BYTES)
                    + "; this mapping is " + Literals.describeSize(bytes));
        }
        long at = f.integer("at", 0, Long.MAX_VALUE, 0);
        if ((at & 7) != 0) {
            problems.at(f.node("at"), "'at' must be a multiple of 8 (contents are written in 64-bit words)");
        }
        List<Long> words = new ArrayList<>();
        List<YamlNode> items = f.list("words");
        if (items.size() > MAX_WORDS) {
            problems.at(f.node("words"), "at most " + MAX_WORDS + " words, not " + items.size());
        } else {
            for (YamlNode w : items) {
                Long v = Fields.Scalars.address(w, "words", problems);
                words.add(v == null ? 0 : v);
            }
        }
        String text = f.text("text", "");
        long textWords = (text.getBytes(StandardCharsets.UTF_8).length + 7) / 8;
        if (textWords > MAX_WORDS) {
            problems.at(f.node("text"), "'text' is longer than " + MAX_WORDS * 8 + " bytes");
        }
        if (at + 8L * (words.size() + textWords) > bytes) {
            problems.at(f.at(), "the contents end past the mapping's " + Literals.describeSize(bytes));
        }
        return new PageContents(fill, step, at, words, text, problems.where(f.at()));
    }

    private List<Long> backed(Fields f, long bytes) {
        YamlNode n = f.node("backed");
        if (n == null) {
            return List.of();
        }
        if (!config.demandPaging()) {
            problems.at(f.keyAt("backed"), "'backed' needs machine.demandPaging: true (without it, the host backs "
                    + "every page when the guest maps it)");
            return List.of();
        }
        long hostPage = config.hostPage().bytes();
        List<Long> offsets = new ArrayList<>();
        if (n instanceof YamlScalar) {
            Boolean all = Fields.Scalars.bool(n, "backed", problems);
            if (Boolean.TRUE.equals(all)) {
                if (bytes / hostPage > MAX_BACKED) {
                    problems.at(n, "backing all of it takes " + bytes / hostPage + " host pages; list offsets instead "
                            + "(at most " + MAX_BACKED + ")");
                    return List.of();
                }
                for (long off = 0; off < bytes; off += hostPage) {
                    offsets.add(off);
                }
            }
            return offsets;
        }
        List<YamlNode> items = Fields.Scalars.items(n);
        if (items.size() > MAX_BACKED) {
            problems.at(n, "at most " + MAX_BACKED + " offsets, not " + items.size());
            return List.of();
        }
        for (YamlNode item : items) {
            Long off = Fields.Scalars.address(item, "backed", problems);
            if (off != null && Long.compareUnsigned(off, bytes) >= 0) {
                problems.at(item, "offset " + Hex.small(off) + " is past the mapping's " + Literals.describeSize(bytes));
            } else if (off != null) {
                offsets.add(off);
            }
        }
        offsets.sort(Comparator.naturalOrder());
        return offsets;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
