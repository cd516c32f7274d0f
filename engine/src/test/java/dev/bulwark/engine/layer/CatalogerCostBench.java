package dev.bulwark.engine.layer;

import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.distro.DistroDetector;
import dev.bulwark.engine.scan.Catalogers;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark main (docs/benchmarks.md, run I): the CPU time of reading every layer of a docker-archive with the OS
 * catalogers only and with all catalogers, alternating, in one JVM. Unread file content is skipped by seeking, so the
 * difference is what the language catalogers themselves cost. Arguments: the docker-archive tar, repetitions.
 */
public final class CatalogerCostBench {
    private CatalogerCostBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Cataloger> all = Catalogers.all();
        List<Cataloger> os = all.subList(0, 3); // dpkg, rpm, apk: what BULWARK_BENCH_CATALOGERS=os runs
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path spool = Files.createTempDirectory("bulwark-bench");
        int reps = Integer.parseInt(args[1]);
        Map<String, List<Long>> cpu = new TreeMap<>();
        for (int r = 0; r < reps; r++) {
            for (String mode : r % 2 == 0 ? List.of("os", "all") : List.of("all", "os")) {
                long start = threads.getCurrentThreadCpuTime();
                int packages = 0;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16)) {
                    TarReader archive = new TarReader(in);
                    TarEntry e;
                    while ((e = archive.next()) != null) {
                        if (e.isRegularFile() && e.name().endsWith(".tar")) {
                            LayerFacts facts = new LayerReader(DistroDetector.FILES, spool).read(archive.content(),
                                    e.name(), mode.equals("os") ? os : all, false);
                            for (CatalogerResult result : facts.catalogers().values()) {
                                packages += result.packages().size();
                            }
                        }
                    }
                }
                long ms = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
                cpu.computeIfAbsent(mode, k -> new ArrayList<>()).add(ms);
                System.out.printf("pass %d %s: %d ms cpu, %d packages%n", r + 1, mode, ms, packages);
            }
        }
        cpu.forEach((mode, ms) -> {
            List<Long> warm = new ArrayList<>(ms.subList(Math.min(1, ms.size() - 1), ms.size()));
            Collections.sort(warm);
            System.out.printf("%s: first pass %d ms, median of the others %d ms%n", mode, ms.get(0),
                    warm.get(warm.size() / 2));
        });
        Files.deleteIfExists(spool);
    }
}
