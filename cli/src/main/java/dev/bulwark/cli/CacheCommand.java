package dev.bulwark.cli;

import dev.bulwark.engine.cache.LayerCache;
import java.nio.file.Path;
import java.util.List;

/** {@code bulwark cache clean}: empties the layer cache. */
final class CacheCommand implements Command {
    static final Opt CACHE_DIR = Opt.value("DIR", "Cache directory (default: $BULWARK_CACHE_DIR, else"
            + " $XDG_CACHE_HOME/bulwark, else ~/.cache/bulwark).", "--cache-dir");
    private static final CommandDef DEF = new CommandDef("cache clean", "Delete every cached layer result.",
            List.of(CACHE_DIR, ReportOptions.DEBUG), null, false, null, List.of());

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        String dir = args.value("--cache-dir");
        LayerCache cache = new LayerCache(dir != null ? Path.of(dir) : LayerCache.defaultDirectory());
        long removed = cache.clean();
        io.text().println("removed " + removed + " files from " + cache.root());
        return 0;
    }
}
