import dev.bulwark.engine.source.registry.ParallelPull;
import dev.bulwark.engine.source.registry.RegistryImageSource;
import dev.bulwark.engine.source.registry.RegistryOptions;

/**
 * Benchmark probe, not part of Bulwark: pulls every layer blob of a registry image to the end (digests verified,
 * nothing decompressed, nothing written), with the scan's parallelism, through the engine's registry source.
 * Usage: java -cp cli/target/bulwark.jar:CLASSES PullOnly REF
 */
public final class PullOnly {
    private PullOnly() {
    }

    public static void main(String[] args) {
        int parallelism = Math.min(4, Runtime.getRuntime().availableProcessors()); // as ScanOptions.defaults()
        ParallelPull.Result r = new RegistryImageSource(RegistryOptions.of(args[0])).pullAllLayers(parallelism);
        System.out.println(r.layers() + " layers, " + r.bytes() + " bytes in " + r.elapsed().toMillis() + " ms");
    }
}
