package org.memvirt.viewmodel.tables;

import java.util.List;

/**
 * Everything the Tables view draws for one step and one choice of VM, process and depth, as one
 * immutable value: the view redraws once per change.
 *
 * @param frameIndex the step shown (-1 before any)
 * @param headline   "Step 4 · Guest kernel rewrites a PTE"
 * @param context    "Shadow paging · VM 1 · process 1"
 * @param focusText  the address whose path is open, split into its indices; or how to open tables
 * @param columns    the trees, left to right
 * @param links      shadow fills and updates of this step: from guest or P2M entry to shadow entry
 * @param story      what the step did, in order
 */
public record TablesContent(int frameIndex, String headline, String context, String focusText,
                            List<TableColumn> columns, List<EntryLink> links, List<StoryBeat> story) {
    public TablesContent {
        columns = List.copyOf(columns);
        links = List.copyOf(links);
        story = List.copyOf(story);
    }

    /** Nothing to show yet. */
    public static TablesContent empty() {
        return new TablesContent(-1, "No step yet", "", "Play a lesson step to see its tables.", List.of(), List.of(),
                List.of());
    }

    /** The column of {@code kind}, or null when this mode has none. */
    public TableColumn column(TableKind kind) {
        return columns.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
    }
}
