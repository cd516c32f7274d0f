import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.imports.Importers;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.advisory.store.AdvisoryDatabaseBuilder;
import dev.bulwark.engine.advisory.store.DatabaseMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark probe, not part of Bulwark: imports the OSV tree (issue 4 item 6: under 10 s), writes the database,
 * reports its size per 10,000 advisories, then times opening it and looking up 10,000 package keys (under 100 ms).
 * Usage: java -cp CLASSPATH bench/AdvisoryBench.java OSV_DIR OUT_DB
 */
public final class AdvisoryBench {
    private AdvisoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path osv = Path.of(args[0]);
        Path db = Path.of(args[1]);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = os.getProcessCpuTime();
        long m0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        AdvisoryDatabaseBuilder builder = new AdvisoryDatabaseBuilder();
        Importers.importPath(osv, builder);
        long t1 = System.nanoTime();
        DatabaseMetadata meta = builder.writeAtomically(db);
        long t2 = System.nanoTime();
        System.out.printf("import+write CPU: main thread %d ms, whole process %d ms%n",
                (threads.getCurrentThreadCpuTime() - m0) / 1_000_000, (os.getProcessCpuTime() - c0) / 1_000_000);
        long size = Files.size(db);
        System.out.printf("import: %d advisories in %d ms; write: %d ms; total %d ms%n", meta.advisories(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
        System.out.printf("database: %d bytes, %d package keys, %.1f MB per 10,000 advisories%n", size,
                meta.packageKeys(), size / 1e6 * 10_000 / meta.advisories());
        System.out.println("warnings: " + meta.warnings());
        long o0 = System.nanoTime();
        try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
            long o1 = System.nanoTime();
            List<PackageKey> keys = sampleKeys(d, meta);
            for (int round = 0; round < 5; round++) {
                long l0 = System.nanoTime();
                long lc0 = threads.getCurrentThreadCpuTime();
                long hits = 0;
                for (PackageKey k : keys) {
                    for (AffectedEntry e : d.affected(k)) {
                        hits += e.ranges().size();
                    }
                }
                long l1 = System.nanoTime();
                System.out.printf("round %d: %d lookups, %d ranges decoded, %.1f ms wall, %.1f ms CPU%n", round,
                        keys.size(), hits, (l1 - l0) / 1e6, (threads.getCurrentThreadCpuTime() - lc0) / 1e6);
            }
            System.out.printf("open: %.2f ms%n", (o1 - o0) / 1e6);
        }
    }

    /** 10,000 keys: the real names of each ecosystem's advisories (hits), padded with names that miss. */
    private static List<PackageKey> sampleKeys(AdvisoryDatabase d, DatabaseMetadata meta) throws Exception {
        List<PackageKey> keys = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("bench.keys")))) {
            String[] f = line.split("\t", 2);
            if (f.length == 2) {
                keys.add(new PackageKey(f[0], f[1]));
            }
        }
        for (int i = 0; keys.size() < 10_000; i++) {
            keys.add(new PackageKey("PyPI", "no-such-package-" + i));
        }
        return keys.subList(0, 10_000);
    }
}
