package org.memvirt.lesson;

import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;

/**
 * A walk a step asks the Walk view to draw on another configuration than the lesson's machine
 * ({@code show: {guestLevels: 5, hostLevels: 5}}): a step that asks "how many references with 5
 * levels on both sides?" shows that walk, worked out by the engine, instead of the last one the
 * lesson made. A null field means "as the lesson's machine"; the TLB and the walk caches are off
 * unless the step turns them on, so the walk is drawn in full.
 *
 * @param mode        native, nested or shadow, or null
 * @param guestLevels 4 or 5, or null
 * @param hostLevels  4 or 5, or null
 * @param guestPage   the guest's page size (null: 4 KiB)
 * @param hostPage    the host's page size, or null
 * @param walkCache   the page-walk cache and nested TLB on (a neighbour is read first to warm them)
 * @param at          where the step writes it
 */
public record ShownWalk(PagingMode mode, Integer guestLevels, Integer hostLevels, PageSize guestPage,
                        PageSize hostPage, boolean walkCache, SourceLocation at) {
}
