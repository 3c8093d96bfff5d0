package org.memvirt.viewmodel.tables;

import java.util.Locale;

import org.memvirt.engine.paging.Levels;
/**
 * Which kind of table a column of the Tables view shows, and so which address space its table and
 * entry addresses are in: a guest table lives in guest-physical memory, every other table in host
 * memory.
 */
public enum TableKind {
    /** The guest's own table of one process: gVA → gPA, read at guest-physical addresses. */
    GUEST("Guest page table", "gVA → gPA", "gPA", false),
    /** An unvirtualized process's table: VA → PA. */
    NATIVE("Page table", "VA → PA", "PA", false),
    /** The EPT the hardware walks under nested paging: gPA → hPA. */
    EPT("EPT", "gPA → hPA", "hPA", true),
    /** The hypervisor's own gPA → hPA table under shadow paging: EPT format, walked only in software. */
    P2M("P2M (VMM's gPA → hPA table)", "gPA → hPA", "hPA", true),
    /** The hypervisor's shadow table: gVA → hPA, what the hardware walks under shadow paging. */
    SHADOW("Shadow page table", "gVA → hPA", "hPA", false);

    private final String title;
    private final String mapping;
    private final String space;
    private final boolean eptFormat;

    TableKind(String title, String mapping, String space, boolean eptFormat) {
        this.title = title;
        this.mapping = mapping;
        this.space = space;
        this.eptFormat = eptFormat;
    }

    /** The column's heading: "Guest page table". */
    public String title() {
        return title;
    }

    /** What the table translates: "gVA → gPA". */
    public String mapping() {
        return mapping;
    }

    /** The address space its table and entry addresses are in: "gPA", "hPA" or "PA". */
    public String space() {
        return space;
    }

    /** Whether its entries use the EPT layout (R W X, memory type) rather than the x86-64 one. */
    public boolean eptFormat() {
        return eptFormat;
    }

    /** The name of a table at {@code level} in this column: "PDPT", "EPT PD", "Shadow PT". */
    public String levelName(int level) {
        String name = Levels.name(level);
        return switch (this) {
            case GUEST, NATIVE -> name;
            case EPT, P2M -> Levels.eptName(level);
            case SHADOW -> "Shadow " + name;
        };
    }

    /** Lower-case key used in ids and style classes: "guest", "p2m". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
