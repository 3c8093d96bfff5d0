package org.memvirt.viewmodel.tables;

import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.MmuNotifierInvalidate;
import org.memvirt.engine.event.HostPageFault;
import org.memvirt.engine.event.HostTableRead;
import org.memvirt.engine.event.MemslotLookup;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.EventVisitor;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.PageScan;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.event.WriteTarget;

/** The part an event plays in a table's story; every kind of event is placed, by the compiler's check. */
enum StoryRole {
    /** A TLB hit: no walk. */
    TLB_HIT,
    /** One reference of a walk. */
    WALK,
    /** The CPU left the guest. */
    EXIT,
    /** The hypervisor resumed the guest. */
    ENTRY,
    /** The hypervisor changed a shadow table or backed guest memory. */
    HYPERVISOR_WORK,
    /** The guest kernel stored to a page-table entry. */
    TABLE_STORE,
    /** A page fault reached or was kept from the guest. */
    FAULT,
    /** The access completed. */
    RESULT,
    /** Not part of a table's story: data stores, frame ownership, reclamation, TLB misses. */
    NONE;

    /** Places each kind of event. */
    static final EventVisitor<StoryRole> OF = new EventVisitor<>() {
        @Override
        public StoryRole visitTlbLookup(TlbLookup e) {
            return e.cache() == CacheKind.TLB && e.outcome() != LookupOutcome.MISS ? TLB_HIT : NONE;
        }

        @Override
        public StoryRole visitWalkStep(WalkStep e) {
            return WALK;
        }

        @Override
        public StoryRole visitTranslated(Translated e) {
            return RESULT;
        }

        @Override
        public StoryRole visitGuestPageFault(GuestPageFault e) {
            return FAULT;
        }

        @Override
        public StoryRole visitVmExit(VmExit e) {
            return EXIT;
        }

        @Override
        public StoryRole visitVmEntry(VmEntry e) {
            return ENTRY;
        }

        @Override
        public StoryRole visitEptFill(EptFill e) {
            return HYPERVISOR_WORK;
        }

        @Override
        public StoryRole visitFrameAlloc(FrameAlloc e) {
            return NONE;
        }

        @Override
        public StoryRole visitFrameFree(FrameFree e) {
            return NONE;
        }

        @Override
        public StoryRole visitGuestWrite(GuestWrite e) {
            return e.target() == WriteTarget.PAGE_TABLE ? TABLE_STORE : NONE;
        }

        @Override
        public StoryRole visitShadowSync(ShadowSync e) {
            return HYPERVISOR_WORK;
        }

        @Override
        public StoryRole visitSwapOut(SwapOut e) {
            return NONE;
        }

        @Override
        public StoryRole visitSwapIn(SwapIn e) {
            return NONE;
        }

        @Override
        public StoryRole visitBalloonInflate(BalloonInflate e) {
            return NONE;
        }

        @Override
        public StoryRole visitBalloonDeflate(BalloonDeflate e) {
            return NONE;
        }

        @Override
        public StoryRole visitPageScan(PageScan e) {
            return NONE;
        }

        @Override
        public StoryRole visitPageMerge(PageMerge e) {
            return NONE;
        }

        @Override
        public StoryRole visitCowBreak(CowBreak e) {
            return NONE;
        }

        @Override
        public StoryRole visitMemslotLookup(MemslotLookup e) {
            return HYPERVISOR_WORK;
        }

        @Override
        public StoryRole visitHostTableRead(HostTableRead e) {
            return NONE;
        }

        @Override
        public StoryRole visitHostPageFault(HostPageFault e) {
            return NONE;
        }

        @Override
        public StoryRole visitMmuNotifierInvalidate(MmuNotifierInvalidate e) {
            return HYPERVISOR_WORK;
        }
    };
}
