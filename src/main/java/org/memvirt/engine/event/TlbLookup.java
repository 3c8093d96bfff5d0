package org.memvirt.engine.event;

/**
 * A translation cache was consulted.
 *
 * @param vm      the VM (0 on a native machine)
 * @param address the looked-up address (GVA for the TLB and walk cache, GPA for the nested TLB)
 * @param cache   which cache
 * @param outcome hit, miss, or a hit on a stale entry
 * @param level   for the walk cache, the deepest guest level it supplied; otherwise 0
 */
public record TlbLookup(int vm, long address, CacheKind cache, LookupOutcome outcome, int level) implements Event {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visitTlbLookup(this);
    }
}
