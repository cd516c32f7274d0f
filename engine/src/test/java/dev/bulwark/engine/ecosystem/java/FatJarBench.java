package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.scan.DirectoryScanner;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark main for {@code bench/java-fatjar.sh}: times one cold {@link DirectoryScanner} scan, with only the Java
 * cataloger, of a directory holding a fat jar. Time is measured from JVM start (as {@code ./bulwark fs DIR} would
 * feel it) and from the scan's start.
 */
public final class FatJarBench {
    private FatJarBench() {
    }

    public static void main(String[] args) {
        long scanStart = System.nanoTime();
        Inventory inventory = new DirectoryScanner(List.of(new JavaCataloger())).scan(Path.of(args[0]));
        long scanMillis = (System.nanoTime() - scanStart) / 1_000_000;
        // the JVM's uptime counts from its launch; getStartTime() is stamped when the VM is already created
        long sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        List<Package> packages = inventory.packages();
        long nested = packages.stream().filter(p -> p.location().contains("!/")).count();
        long low = packages.stream().filter(p -> p.has(PackageFlag.LOW_CONFIDENCE)).count();
        System.out.printf("java-fatjar: %d packages (%d nested, %d low-confidence), %d warnings; scan %d ms, "
                + "%d ms since JVM start%n", packages.size(), nested, low, inventory.warnings().size(), scanMillis,
                sinceJvmStart);
    }
}
