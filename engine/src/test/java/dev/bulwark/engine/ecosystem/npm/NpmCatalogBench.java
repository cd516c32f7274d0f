package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.DirectoryScanner;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark entry point for {@code bench/npm-node-modules.sh}: catalogues a project directory with the npm cataloger
 * (or, with {@code --all} after the run count, every cataloger, as {@code bulwark fs} does) through
 * {@link DirectoryScanner}, cold (the first scan after JVM start) and then warm, and prints the timings.
 */
public final class NpmCatalogBench {
    private NpmCatalogBench() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean all = args.length > 2 && args[2].equals("--all");
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Inventory inv = new DirectoryScanner(all ? Catalogers.all() : List.of(new NpmCataloger())).scan(dir);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long installed = inv.packages().stream().filter(p -> p.location().contains("node_modules/")).count();
            long dev = inv.packages().stream().filter(p -> p.has(PackageFlag.DEVELOPMENT)).count();
            long edges = inv.packages().stream().mapToLong(p -> p.dependsOn().size()).sum();
            // the JVM's uptime counts from its launch; getStartTime() is stamped when the VM is already created
            long sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            System.out.printf("run %d: %d ms (%d ms since JVM start), %d installed packages (%d in all, %d "
                    + "development-only, %d edges), %d warnings%n", i + 1, ms, sinceJvmStart, installed,
                    inv.packages().size(), dev, edges, inv.warnings().size());
        }
    }
}
