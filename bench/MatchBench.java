import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.ecosystem.VersionSchemes;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.match.AdvisoryLookup;
import dev.bulwark.engine.match.MatchResult;
import dev.bulwark.engine.match.VulnerabilityMatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark probe, not part of Bulwark (issue 4 item 6: "matching 10,000 packages against the loaded database in under
 * 100 ms"). Two modes, run in separate JVMs by bench/match-bench.sh:
 *
 * <p>{@code prepare OSV_DIR DEBIAN_DIR OUT_DIR}: the database and the inventories, {@link MatchBenchData#prepare}.
 *
 * <p>{@code match DB INVENTORY_TSV ROUNDS FINDINGS_OUT}: in a fresh JVM, times the first match of the whole inventory
 * (cold) and then ROUNDS more against the same open database, and writes every finding and warning to FINDINGS_OUT so
 * that two builds can be compared. See {@link #NO_MEMO} for what the later rounds reuse.
 */
public final class MatchBench {
    private MatchBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> MatchBenchData.prepare(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "match" -> match(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException("mode: prepare or match");
        }
    }

    // ------------------------------------------------------------------------------------------------ match

    /**
     * With {@code -Dbench.nomemo=true} every round matches through {@code AdvisoryLookup.unmemoized}: each round then
     * decodes and parses the database's entries afresh, as the first does. Without it, rounds after the
     * first reuse what earlier ones parsed from the open database (the engine's {@code MatchMemo}).
     */
    private static final boolean NO_MEMO = Boolean.getBoolean("bench.nomemo");

    private static void match(Path db, Path inventoryTsv, int rounds, Path findingsOut) throws Exception {
        List<Package> packages = new ArrayList<>();
        for (String line : Files.readAllLines(inventoryTsv)) {
            String[] f = line.split("\t", -1);
            packages.add(new Package(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3], f[4].isEmpty() ? null : f[4],
                    f[5].isEmpty() ? null : f[5], List.of(), f[0], "srv/app", null, f[6]));
        }
        Inventory inventory = new Inventory(new Inventory.Target("filesystem", "bench", null, null, List.of(),
                "linux", "amd64"), MatchBenchData.DEBIAN_12, List.of(), packages, List.of());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[rounds + 1];
        double[] cpu = new double[rounds + 1];
        double[] threadCpu = new double[rounds + 1];
        double[] allocated = new double[rounds + 1];
        double[] gc = new double[rounds + 1];
        double[] jit = new double[rounds + 1];
        var sunThreads = (com.sun.management.ThreadMXBean) threads;
        var compiler = ManagementFactory.getCompilationMXBean();
        MatchResult first = null;
        double open = 0;
        try (AdvisoryDatabase database = AdvisoryDatabase.open(db)) {
            for (int round = 0; round <= rounds; round++) {
                long a0 = sunThreads.getTotalThreadAllocatedBytes();
                long g0 = gcMillis();
                long j0 = compiler.getTotalCompilationTime();
                long c0 = os.getProcessCpuTime();
                long tc0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                AdvisoryLookup lookup = NO_MEMO ? AdvisoryLookup.unmemoized(database) : AdvisoryLookup.of(database);
                MatchResult r = new VulnerabilityMatcher(lookup, VersionSchemes::forEcosystem).match(inventory);
                long t1 = System.nanoTime();
                wall[round] = (t1 - t0) / 1e6;
                cpu[round] = (os.getProcessCpuTime() - c0) / 1e6;
                threadCpu[round] = (threads.getCurrentThreadCpuTime() - tc0) / 1e6;
                allocated[round] = (sunThreads.getTotalThreadAllocatedBytes() - a0) / 1e6;
                gc[round] = gcMillis() - g0;
                jit[round] = compiler.getTotalCompilationTime() - j0;
                if (first == null) {
                    first = r;
                } else if (!r.findings().equals(first.findings()) || !r.warnings().equals(first.warnings())) {
                    throw new IllegalStateException("round " + round + " found other findings or warnings");
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("heap in use after a full GC, the first result held: %.1f MB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6);
        if (Boolean.getBoolean("bench.histogram")) {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram").inheritIO().start()
                    .waitFor();
        }
        long findings = first.findings().size();
        Map<String, Integer> byMatcher = new TreeMap<>();
        first.findings().forEach(f -> byMatcher.merge(f.evidence().matcher(), 1, Integer::sum));
        System.out.printf("inventory: %d packages, %d looked up; findings: %d %s; warnings listed: %d%n",
                packages.size(), first.packagesMatched(), findings, byMatcher, first.warnings().size());
        System.out.printf("cold first match: %.1f ms wall, %.1f ms CPU (process), %.1f ms CPU (calling thread);"
                + " %.0f MB allocated, %.0f ms in GC, %.0f ms of JIT compiler time%n", wall[0], cpu[0], threadCpu[0],
                allocated[0], gc[0], jit[0]);
        double[] warmAlloc = Arrays.copyOfRange(allocated, 1, allocated.length);
        double[] warmGc = Arrays.copyOfRange(gc, 1, gc.length);
        System.out.printf("warm rounds: median %.0f MB allocated, %.0f ms in GC per round%n", median(warmAlloc),
                median(warmGc));
        double[] warm = Arrays.copyOfRange(wall, 1, wall.length);
        double[] warmCpu = Arrays.copyOfRange(cpu, 1, cpu.length);
        System.out.printf("warm rounds (%d): median %.1f ms, min %.1f, max %.1f; CPU median %.1f ms%n", rounds,
                median(warm), Arrays.stream(warm).min().orElse(0), Arrays.stream(warm).max().orElse(0),
                median(warmCpu));
        System.out.printf("rounds 1-5 wall: %s%n", Arrays.toString(Arrays.stream(warm).limit(5)
                .map(d -> Math.round(d * 10) / 10.0).toArray()));
        System.out.printf("RESULT cold_ms=%.1f cold_cpu_ms=%.1f cold_alloc_mb=%.0f warm_median_ms=%.1f warm_min_ms=%.1f"
                + " warm_max_ms=%.1f warm_cpu_ms=%.1f warm_alloc_mb=%.0f findings=%d%n", wall[0], cpu[0], allocated[0],
                median(warm), Arrays.stream(warm).min().orElse(0), Arrays.stream(warm).max().orElse(0),
                median(warmCpu), median(warmAlloc), findings);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(findingsOut, StandardCharsets.UTF_8))) {
            w.println("packagesMatched " + first.packagesMatched());
            for (VulnerabilityFinding f : first.findings()) {
                w.println(f);
            }
            first.warnings().forEach(w::println);
        }
        System.out.printf("process up %d ms in all%n", ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private static long gcMillis() {
        long sum = 0;
        for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, b.getCollectionTime());
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
