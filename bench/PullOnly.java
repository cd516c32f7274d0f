import dev.bulwark.engine.source.registry.ParallelPull;
import dev.bulwark.engine.source.registry.RegistryImageSource;
import dev.bulwark.engine.source.registry.RegistryOptions;

/**
 * Benchmark probe, not part of Bulwark: pulls every layer blob of a registry image to the end (digests verified,
 * nothing decompressed, nothing written) through the engine's registry source, {@code PARALLELISM} blobs at a time
 * (default {@link ParallelPull#DEFAULT_PARALLELISM}), and prints how long the pull took inside the JVM.
 * Usage: java -cp cli/target/bulwark.jar:pull-only.jar PullOnly REF [PARALLELISM]
 */
public final class PullOnly {
    private PullOnly() {
    }

    public static void main(String[] args) {
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : ParallelPull.DEFAULT_PARALLELISM;
        long start = System.nanoTime();
        ParallelPull.Result r = new RegistryImageSource(RegistryOptions.of(args[0])).pullAllLayers(parallelism);
        System.out.println(r.layers() + " layers, " + r.bytes() + " bytes; open + pull " + (System.nanoTime() - start)
                / 1_000_000 + " ms, of which blobs " + r.elapsed().toMillis() + " ms");
    }
}
