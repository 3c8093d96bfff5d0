package org.memvirt.viewmodel.lanes;

/**
 * One stretch of work in one lane: "MMU walk · 24 refs", "#PF handler", "VM exit: EPT_VIOLATION".
 *
 * @param lane   who runs
 * @param kind   what sort of work (the view picks icon and colour from it)
 * @param label  what happened, short
 * @param detail more words for the tooltip
 * @param count  how many events of this kind in a row it stands for (a walk's references, fills)
 */
public record LaneSegment(Lane lane, SegmentKind kind, String label, String detail, int count) {

    /** The same segment standing for one more event. */
    LaneSegment plusOne(String newLabel, String moreDetail) {
        return new LaneSegment(lane, kind, newLabel, detail.isEmpty() ? moreDetail
                : moreDetail.isEmpty() ? detail : detail + "\n" + moreDetail, count + 1);
    }
}
