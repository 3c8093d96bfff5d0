package org.memvirt.engine;

import java.util.List;

import org.memvirt.engine.host.HypervisorStyle;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.reclaim.ReclaimConfig;
import org.memvirt.engine.vmm.ShadowPolicy;

/**
 * Everything that fixes a machine before its first step. The same configuration (seed
 * included) always produces the same machine and the same events.
 *
 * @param mode           native, nested (EPT) or shadow paging
 * @param guestLevels    levels of the guest's (or native process's) tables: 4 or 5
 * @param hostLevels     EPT levels: 4 or 5
 * @param hostPage       the page size the hypervisor backs guest memory with
 * @param mmu            TLB and walk-cache settings
 * @param eptAccessDirty whether the EPTP enables EPT accessed/dirty flags
 * @param demandPaging   whether guest memory is backed on first touch (true) or when mapped
 * @param pcids          whether each process has its own PCID (no TLB flush on CR3 writes)
 * @param hostFrames     4 KiB frames of host memory
 * @param seed           decides where frames are allocated
 * @param vmRamBytes     guest RAM of each VM (VM 1, 2, ...); ignored natively
 * @param shadow         the hypervisor's shadow-paging policy (shadow mode only)
 * @param reclaim        how the hypervisor reclaims memory (swap, balloon, sharing, idle tax)
 * @param hypervisor     KVM (guest RAM is a host process's memory, the EPT its cache) or ESX (the VMM's own
 *                       P2M map)
 */
public record MachineConfig(PagingMode mode, int guestLevels, int hostLevels, PageSize hostPage, MmuConfig mmu,
                            boolean eptAccessDirty, boolean demandPaging, boolean pcids, int hostFrames, long seed,
                            List<Long> vmRamBytes, ShadowPolicy shadow, ReclaimConfig reclaim,
                            HypervisorStyle hypervisor) {
    /** The most host memory a machine may have: 16 GiB (frames are tracked one by one). */
    public static final int MAX_HOST_FRAMES = 1 << 22;

    /** A configuration with KVM's default shadow policy. */
    public MachineConfig(PagingMode mode, int guestLevels, int hostLevels, PageSize hostPage, MmuConfig mmu,
                         boolean eptAccessDirty, boolean demandPaging, boolean pcids, int hostFrames, long seed,
                         List<Long> vmRamBytes) {
        this(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids, hostFrames, seed,
                vmRamBytes, ShadowPolicy.kvm(), ReclaimConfig.defaults(), HypervisorStyle.KVM);
    }

    /** A configuration with the default reclamation settings. */
    public MachineConfig(PagingMode mode, int guestLevels, int hostLevels, PageSize hostPage, MmuConfig mmu,
                         boolean eptAccessDirty, boolean demandPaging, boolean pcids, int hostFrames, long seed,
                         List<Long> vmRamBytes, ShadowPolicy shadow) {
        this(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids, hostFrames, seed,
                vmRamBytes, shadow, ReclaimConfig.defaults(), HypervisorStyle.KVM);
    }

    /** A KVM-style configuration. */
    public MachineConfig(PagingMode mode, int guestLevels, int hostLevels, PageSize hostPage, MmuConfig mmu,
                         boolean eptAccessDirty, boolean demandPaging, boolean pcids, int hostFrames, long seed,
                         List<Long> vmRamBytes, ShadowPolicy shadow, ReclaimConfig reclaim) {
        this(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids, hostFrames, seed,
                vmRamBytes, shadow, reclaim, HypervisorStyle.KVM);
    }

    public MachineConfig {
        java.util.Objects.requireNonNull(shadow, "shadow policy");
        java.util.Objects.requireNonNull(reclaim, "reclaim settings");
        java.util.Objects.requireNonNull(hypervisor, "hypervisor style");
        Levels.checkLevels(guestLevels, "guest");
        Levels.checkLevels(hostLevels, "host");
        if (hostFrames < 64 || hostFrames > MAX_HOST_FRAMES) {
            throw new IllegalArgumentException("host memory must be 64 to " + MAX_HOST_FRAMES
                    + " frames of 4 KiB (256 KiB to 16 GiB), not " + hostFrames);
        }
        vmRamBytes = List.copyOf(vmRamBytes);
        if (mode != PagingMode.NATIVE && vmRamBytes.isEmpty()) {
            throw new IllegalArgumentException("a " + mode.label() + " machine needs at least one VM");
        }
        for (long ram : vmRamBytes) {
            if (ram < (1 << 20) || (ram & 0xFFF) != 0) {
                throw new IllegalArgumentException("guest RAM must be a whole number of pages, at least 1 MiB, not "
                        + ram + " bytes");
            }
        }
    }

    /** A nested machine with one 64 MiB VM on 64 MiB of host memory, 4-level tables, 4 KiB pages. */
    public static MachineConfig defaults() {
        return new MachineConfig(PagingMode.NESTED, 4, 4, PageSize.SIZE_4K, MmuConfig.defaults(), false, true, false,
                16384, 1, List.of(64L << 20));
    }

    public MachineConfig withMode(PagingMode m) {
        return new MachineConfig(m, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids,
                hostFrames, seed, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withLevels(int guest, int host) {
        return new MachineConfig(mode, guest, host, hostPage, mmu, eptAccessDirty, demandPaging, pcids, hostFrames,
                seed, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withHostPage(PageSize size) {
        return new MachineConfig(mode, guestLevels, hostLevels, size, mmu, eptAccessDirty, demandPaging, pcids,
                hostFrames, seed, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withMmu(MmuConfig m) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, m, eptAccessDirty, demandPaging, pcids,
                hostFrames, seed, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withEptAccessDirty(boolean on) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, on, demandPaging, pcids, hostFrames,
                seed, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withDemandPaging(boolean on) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, on, pcids, hostFrames,
                seed, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withPcids(boolean on) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, on,
                hostFrames, seed, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withHostFrames(int frames) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids,
                frames, seed, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withSeed(long s) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids,
                hostFrames, s, vmRamBytes, shadow, reclaim, hypervisor);
    }

    public MachineConfig withShadow(ShadowPolicy policy) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids,
                hostFrames, seed, vmRamBytes, policy, reclaim, hypervisor);
    }

    public MachineConfig withReclaim(ReclaimConfig r) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids,
                hostFrames, seed, vmRamBytes, shadow, r, hypervisor);
    }

    public MachineConfig withHypervisor(HypervisorStyle style) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids,
                hostFrames, seed, vmRamBytes, shadow, reclaim, style);
    }

    public MachineConfig withVmRam(List<Long> ram) {
        return new MachineConfig(mode, guestLevels, hostLevels, hostPage, mmu, eptAccessDirty, demandPaging, pcids,
                hostFrames, seed, ram, shadow, reclaim, hypervisor);
    }
}
