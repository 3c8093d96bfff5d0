package org.memvirt.engine.event;

/**
 * One memory reference of a hardware page walk: the read of one table entry.
 *
 * @param vm            the VM (0 on a native machine)
 * @param dimension     which table was read
 * @param level         the level of the table read (PML5 = 5 ... PT = 1)
 * @param forGuestLevel for a HOST reference, the guest level whose table address it translates
 *                      (0 = the final data address); for other references equal to {@code level}
 * @param tableAddress  physical address of the table (GPA for guest tables, HPA otherwise)
 * @param index         entry index 0..511
 * @param entryAddress  address of the entry read (same space as {@code tableAddress})
 * @param entryValue    the raw 64-bit entry
 * @param present       whether the entry maps anything
 * @param reference     ordinal of this reference within the access's walk, from 1
 */
public record WalkStep(int vm, Dimension dimension, int level, int forGuestLevel, long tableAddress, int index,
                       long entryAddress, long entryValue, boolean present, int reference) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitWalkStep(this);
    }
}
