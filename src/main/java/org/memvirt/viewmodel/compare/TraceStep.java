package org.memvirt.viewmodel.compare;

/**
 * One step of the access trace the Compare screen plays, in the guest's terms (page numbers and
 * process numbers, not addresses). Each machine turns it into its own engine action, because the
 * guest-physical page numbers and the VM number differ between a native and a virtual machine.
 */
public sealed interface TraceStep {

    /**
     * The running process reads one word of one of the working-set pages.
     *
     * @param page    which page of the working set, from 0
     * @param process which process is running, from 1
     */
    record ReadPage(int page, int process) implements TraceStep {
    }

    /**
     * The guest kernel runs another process: it writes CR3.
     *
     * @param process the process to run, from 1
     */
    record SwitchProcess(int process) implements TraceStep {
    }

    /**
     * The guest kernel rewrites the page-table entry (PTE) of one page of the running process, so
     * that the page is backed by another frame (as page migration or copy-on-write do).
     *
     * @param page    which page of the working set
     * @param process whose table
     * @param toSpare true: to the page's spare frame; false: back to its own frame
     */
    record UpdatePte(int page, int process, boolean toSpare) implements TraceStep {
    }

    /**
     * The guest kernel drops the stale translation of one page from the TLB (INVLPG), as it must
     * after changing a PTE.
     *
     * @param page which page of the working set
     */
    record InvalidatePage(int page) implements TraceStep {
    }
}
