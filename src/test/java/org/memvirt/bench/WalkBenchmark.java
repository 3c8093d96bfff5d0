package org.memvirt.bench;

import java.util.concurrent.TimeUnit;

import org.memvirt.engine.WalkSpec;
import org.memvirt.engine.WalkWorkload;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Translation throughput in counting mode (no events built), one thread. Goal: at least
 * 3 million uncached 4/4 nested translations per second over a 4,096-page working set.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WalkBenchmark {
    /** Which workload: an uncached nested walk, TLB hits, a native walk. */
    @Param({"nested-uncached", "nested-tlb-hit", "native-uncached"})
    public String workload;

    private WalkWorkload walk;
    private int page;

    @Setup(Level.Trial)
    public void build() {
        WalkSpec spec = switch (workload) {
            case "nested-uncached" -> spec(PagingMode.NESTED, false, 4096);
            case "nested-tlb-hit" -> spec(PagingMode.NESTED, true, 16);
            case "native-uncached" -> spec(PagingMode.NATIVE, false, 4096);
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        walk = new WalkWorkload(spec);
    }

    /** One translation (and its data reference) of the next page, round-robin. */
    @Benchmark
    public void translate() {
        walk.accessPage(page++ & 4095);
    }

    private static WalkSpec spec(PagingMode mode, boolean tlb, int pages) {
        return new WalkSpec(mode, 4, 4, PageSize.SIZE_4K, PageSize.SIZE_4K, tlb, false, pages, 0, 1, 1000, 4, 1);
    }
}
