package dev.bulwark.cli;

import dev.bulwark.engine.cache.LayerCache;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bulwark cache clean}: empties the layer cache. */
@Command(name = "cache", description = "Manage the layer cache.", subcommands = CacheCommand.Clean.class)
final class CacheCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "clean", description = "Delete every cached layer result.")
    static final class Clean implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--cache-dir", paramLabel = "DIR",
                description = "Cache directory (default: $BULWARK_CACHE_DIR, else $XDG_CACHE_HOME/bulwark, else"
                        + " ~/.cache/bulwark).")
        Path cacheDir;

        @Option(names = "--debug", description = "Show stack traces on errors.")
        boolean debug;

        @Override
        public void run() {
            LayerCache cache = new LayerCache(cacheDir != null ? cacheDir : LayerCache.defaultDirectory());
            long removed = cache.clean();
            spec.commandLine().getOut().println("removed " + removed + " files from " + cache.root());
        }
    }
}
