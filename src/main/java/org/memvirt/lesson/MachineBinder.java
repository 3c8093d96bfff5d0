package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.host.HypervisorStyle;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.reclaim.ReclaimConfig;
import org.memvirt.engine.reclaim.SharingPolicy;
import org.memvirt.engine.reclaim.SwapPolicy;
import org.memvirt.engine.vmm.ShadowPolicy;
import org.memvirt.lesson.yaml.YamlMap;
import org.memvirt.lesson.yaml.YamlNode;
import org.memvirt.lesson.yaml.YamlScalar;

/**
 * Binds the {@code machine:} section: paging mode, table levels, page size, memory, caches, and
 * the VMs (or, natively, the processes) that exist before step 1.
 */
final class MachineBinder {
    /** The paging modes the engine offers; a mode is added here when the engine gains it. */
    static final List<String> MODES = List.of("native", "nested", "shadow");
    static final long MIN_HOST_MEMORY = 64L << 12;
    /** Host memory a lesson may ask for: the frame map and its snapshots stay small. */
    static final long MAX_HOST_MEMORY = 4L << 30;
    static final long MIN_VM_MEMORY = 1L << 20;
    static final long MAX_VM_MEMORY = 1L << 40;
    static final int MAX_VMS = 8;
    static final int MAX_PROCESSES = 64;
    private static final List<String> COMMON_KEYS = List.of("mode", "guestLevels", "hostMemory", "tlb", "walkCache",
            "pcids", "maxPhyAddr");
    private static final List<String> NESTED_KEYS = List.of("hostLevels", "hostPage", "demandPaging",
            "eptAccessDirty", "executeOnlyEpt", "vms", "shadow", "reclaim", "hypervisor");
    private static final List<String> RECLAIM_KEYS = List.of("swapPolicy", "sharing", "esxRatePerVm", "esxRateTotal",
            "ksmPagesToScan", "ksmSleepMillis", "ksmMaxPageSharing", "ksmUseZeroPages", "taxRate", "sampleSize",
            "deflateOnOom");
    private static final List<String> SHADOW_KEYS = List.of("roots", "unsync", "floodThreshold");
    private static final List<String> NATIVE_KEYS = List.of("processes", "running");
    private static final List<String> VM_KEYS = List.of("name", "memory", "processes", "running", "shares");

    private final Problems problems;

    MachineBinder(Problems problems) {
        this.problems = problems;
    }

    /**
     * The machine and its topology. The configuration is null when the section has errors; the
     * topology is as complete as the errors allow, so steps can still be checked.
     */
    record Bound(MachineConfig config, Topology topology) {
    }

    Bound bind(YamlNode node, long seed) {
        List<String> keys = new ArrayList<>(COMMON_KEYS);
        keys.addAll(NESTED_KEYS);
        keys.addAll(NATIVE_KEYS);
        int before = problems.count();
        Fields f = Fields.of(node, "the machine", problems, keys);
        String mode = modeOf(f);
        boolean nativeMode = mode.equals("native");
        if (mode.equals("nested") && f.has("shadow")) {
            problems.at(f.keyAt("shadow"), "'shadow' sets the hypervisor's shadow-paging policy; it applies to "
                    + "mode: shadow");
        }
        if (mode.equals("shadow") && f.has("reclaim")) {
            problems.at(f.keyAt("reclaim"), "'reclaim' applies to mode: nested (this engine reclaims memory from "
                    + "VMs under nested paging)");
        }
        for (String k : nativeMode ? NESTED_KEYS : NATIVE_KEYS) {
            if (f.has(k)) {
                problems.at(f.keyAt(k), nativeMode
                        ? "'" + k + "' applies to virtual machines (mode nested or shadow); a native machine has no "
                                + "VMs, EPT or hypervisor"
                        : "'" + k + "' is for a native machine; with VMs, each VM lists its processes under "
                                + "machine.vms");
            }
        }
        int guestLevels = (int) f.integer("guestLevels", 4, 5, 4);
        int hostLevels = (int) f.integer("hostLevels", 4, 5, 4);
        PageSize hostPage = pageSize(f, "hostPage", PageSize.SIZE_4K);
        long hostMemory = sizeOrDefault(f.size("hostMemory", MIN_HOST_MEMORY, MAX_HOST_MEMORY), 64L << 20);
        if ((hostMemory & 0xFFF) != 0) {
            problems.at(f.node("hostMemory"), "'hostMemory' must be a whole number of 4 KiB frames");
        }
        if (!nativeMode && f.has("hostMemory") && hostMemory < 2 * hostPage.bytes()) {
            problems.at(f.node("hostMemory"), "'hostMemory' must hold at least two " + hostPage + " host pages (the "
                    + "guest's memory and the EPT's tables), " + Literals.describeSize(2 * hostPage.bytes())
                    + " or more, not " + f.text("hostMemory"));
        }
        int maxPhyAddr = (int) f.integer("maxPhyAddr", 36, 52, 46);
        MmuConfig mmu = mmu(f, maxPhyAddr, f.bool("executeOnlyEpt", true));
        List<Integer> shares = new ArrayList<>();
        List<VmSetup> vms = nativeMode ? List.of(nativeVm(f, hostMemory)) : vms(f, shares);
        Topology topology = new Topology(nativeMode, vms);
        ShadowPolicy shadow = shadowPolicy(f);
        ReclaimConfig reclaim = reclaimConfig(f, shares);
        HypervisorStyle style = hypervisorStyle(f);
        if (problems.count() > before) {
            return new Bound(null, topology);
        }
        List<Long> ram = nativeMode ? List.of() : vms.stream().map(VmSetup::memoryBytes).toList();
        try {
            MachineConfig config = new MachineConfig(PagingMode.parse(mode), guestLevels, hostLevels, hostPage, mmu,
                    f.bool("eptAccessDirty", false), f.bool("demandPaging", false), f.bool("pcids", false),
                    (int) (hostMemory >> 12), seed, ram, shadow, reclaim, style);
            return new Bound(config, topology);
        } catch (IllegalArgumentException e) {
            problems.at(f.at(), "the machine: " + e.getMessage());
            return new Bound(null, topology);
        }
    }

    /** {@code hypervisor: kvm} (guest RAM is a host process's memory; the default) or {@code esx} (the VMM's P2M). */
    private HypervisorStyle hypervisorStyle(Fields f) {
        return HypervisorStyle.valueOf(f.choice("hypervisor", List.of("kvm", "esx"), "kvm")
                .toUpperCase(java.util.Locale.ROOT));
    }

    private String modeOf(Fields f) {
        return f.require("mode") ? f.choice("mode", MODES, "nested") : "nested";
    }

    private ShadowPolicy shadowPolicy(Fields f) {
        ShadowPolicy kvm = ShadowPolicy.kvm();
        if (!f.has("shadow")) {
            return kvm;
        }
        Fields sf = Fields.of(f.node("shadow"), "the shadow policy", problems, SHADOW_KEYS);
        return new ShadowPolicy((int) sf.integer("roots", 1, 64, kvm.roots()), sf.bool("unsync", kvm.unsync()),
                (int) sf.integer("floodThreshold", 2, 64, kvm.floodThreshold()));
    }

    private ReclaimConfig reclaimConfig(Fields f, List<Integer> shares) {
        ReclaimConfig d = ReclaimConfig.defaults();
        if (!f.has("reclaim")) {
            return d.withShares(shares);
        }
        Fields r = Fields.of(f.node("reclaim"), "the reclamation settings", problems, RECLAIM_KEYS);
        SwapPolicy swap = SwapPolicy.valueOf(r.choice("swapPolicy", List.of("random", "fifo", "clock"),
                d.swapPolicy().name().toLowerCase(java.util.Locale.ROOT)).toUpperCase(java.util.Locale.ROOT));
        SharingPolicy sharing = SharingPolicy.valueOf(r.choice("sharing", List.of("esx", "ksm"),
                d.sharing().name().toLowerCase(java.util.Locale.ROOT)).toUpperCase(java.util.Locale.ROOT));
        Double tax = r.decimal("taxRate", 0, 0.99);
        return new ReclaimConfig(swap, sharing, (int) r.integer("esxRatePerVm", 1, 1_000_000, d.esxRatePerVm()),
                (int) r.integer("esxRateTotal", 1, 1_000_000, d.esxRateTotal()),
                (int) r.integer("ksmPagesToScan", 1, 1_000_000, d.ksmPagesToScan()),
                (int) r.integer("ksmSleepMillis", 1, 1_000_000, d.ksmSleepMillis()),
                (int) r.integer("ksmMaxPageSharing", 2, 1_000_000, d.ksmMaxPageSharing()),
                r.bool("ksmUseZeroPages", d.ksmUseZeroPages()), tax == null ? d.taxRate() : tax,
                (int) r.integer("sampleSize", 1, 1_000_000, d.sampleSize()), shares,
                r.bool("deflateOnOom", d.deflateOnOom()));
    }

    private PageSize pageSize(Fields f, String key, PageSize fallback) {
        String t = f.text(key);
        if (t == null) {
            return fallback;
        }
        try {
            return PageSize.parse(t);
        } catch (IllegalArgumentException e) {
            problems.at(f.node(key), "'" + key + "' must be 4K, 2M or 1G, not '" + t + "'");
            return fallback;
        }
    }

    private MmuConfig mmu(Fields f, int maxPhyAddr, boolean executeOnly) {
        MmuConfig d = MmuConfig.defaults();
        boolean tlb = d.tlb();
        int tlbEntries = d.tlbEntries();
        int tlbWays = d.tlbWays();
        YamlNode t = f.node("tlb");
        if (t instanceof YamlMap) {
            Fields tf = Fields.of(t, "the TLB", problems, List.of("entries", "ways"));
            tlb = true;
            tlbEntries = (int) tf.integer("entries", 1, 4096, tlbEntries);
            tlbWays = (int) tf.integer("ways", 1, 4096, Math.min(tlbWays, tlbEntries));
            if (tlbEntries % tlbWays != 0) {
                problems.at(tf.at(), "the TLB's " + tlbEntries + " entries cannot form sets of " + tlbWays
                        + " ways: entries must be a multiple of ways");
                tlbWays = 1;
            }
        } else if (t != null) {
            tlb = f.bool("tlb", tlb);
        }
        boolean walkCache = d.walkCache();
        int walkEntries = d.walkCacheEntries();
        int nestedEntries = d.nestedTlbEntries();
        YamlNode w = f.node("walkCache");
        if (w instanceof YamlMap) {
            Fields wf = Fields.of(w, "the walk caches", problems, List.of("entries", "nestedTlbEntries"));
            walkCache = true;
            walkEntries = (int) wf.integer("entries", 1, 4096, walkEntries);
            nestedEntries = (int) wf.integer("nestedTlbEntries", 4, 4096, nestedEntries);
            if (nestedEntries % 4 != 0) {
                problems.at(wf.node("nestedTlbEntries"), "the nested TLB is 4-way: 'nestedTlbEntries' must be a "
                        + "multiple of 4, not " + nestedEntries);
                nestedEntries = 4;
            }
        } else if (w != null) {
            walkCache = f.bool("walkCache", walkCache);
        }
        return new MmuConfig(tlb, tlbEntries, tlbWays, walkCache, walkEntries, nestedEntries, maxPhyAddr, executeOnly);
    }

    private VmSetup nativeVm(Fields f, long hostMemory) {
        List<String> processes = processes(f.node("processes"), f, "the machine");
        return new VmSetup(0, "machine", hostMemory, processes, running(f, processes));
    }

    private List<VmSetup> vms(Fields f, List<Integer> shares) {
        if (!f.require("vms")) {
            return List.of(new VmSetup(1, "vm1", 64L << 20, List.of("p1"), 1));
        }
        List<YamlNode> items = f.list("vms");
        if (items.isEmpty() || items.size() > MAX_VMS) {
            problems.at(f.node("vms"), "'vms' lists 1 to " + MAX_VMS + " VMs, not " + items.size());
        }
        List<VmSetup> vms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < Math.min(items.size(), MAX_VMS); i++) {
            Fields vf = Fields.of(items.get(i), "a VM", problems, VM_KEYS);
            String name = vf.text("name", "vm" + (i + 1)).strip();
            if (!names.add(name)) {
                problems.at(vf.keyAt("name"), "two VMs are called '" + name + "'");
            }
            if (name.isEmpty()) {
                problems.at(vf.keyAt("name"), "a VM's name cannot be blank");
            }
            long memory = sizeOrDefault(vf.size("memory", MIN_VM_MEMORY, MAX_VM_MEMORY), 64L << 20);
            if ((memory & 0xFFF) != 0) {
                problems.at(vf.node("memory"), "a VM's 'memory' must be a whole number of 4 KiB pages");
            }
            List<String> processes = processes(vf.node("processes"), vf, "VM " + name);
            vms.add(new VmSetup(i + 1, name, memory, processes, running(vf, processes)));
            shares.add((int) vf.integer("shares", 1, 1_000_000_000, 1000));
        }
        if (vms.isEmpty()) {
            vms.add(new VmSetup(1, "vm1", 64L << 20, List.of("p1"), 1));
        }
        return vms;
    }

    private List<String> processes(YamlNode node, Fields owner, String what) {
        if (node == null) {
            problems.at(owner.at(), what + " needs 'processes': a list of process names");
            return List.of("p1");
        }
        List<String> names = new ArrayList<>();
        for (YamlNode item : Fields.Scalars.items(node)) {
            String name = Fields.Scalars.text(item, "processes", problems);
            if (name == null) {
                continue;
            }
            name = name.strip();
            if (name.isEmpty() || names.contains(name)) {
                problems.at(item, name.isEmpty() ? "a process name cannot be blank"
                        : "two processes of " + what + " are called '" + name + "'");
                continue;
            }
            names.add(name);
        }
        if (names.isEmpty() || names.size() > MAX_PROCESSES) {
            problems.at(node, what + " lists 1 to " + MAX_PROCESSES + " processes, not " + names.size());
            if (names.isEmpty()) {
                names.add("p1");
            }
        }
        return names;
    }

    private int running(Fields f, List<String> processes) {
        YamlNode n = f.node("running");
        if (n == null) {
            return 1;
        }
        String t = n instanceof YamlScalar ? Fields.Scalars.text(n, "running", problems) : null;
        if (t == null) {
            if (!(n instanceof YamlScalar)) {
                problems.at(n, "'running' names one process, not " + n.kind());
            }
            return 1;
        }
        int i = processes.indexOf(t.strip());
        if (i < 0) {
            problems.at(n, "'running' names no listed process: '" + t + "'" + DidYouMean.hint(t.strip(), processes));
            return 1;
        }
        return i + 1;
    }

    private static long sizeOrDefault(Long v, long fallback) {
        return v == null ? fallback : v;
    }
}
