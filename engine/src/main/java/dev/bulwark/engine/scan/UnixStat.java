package dev.bulwark.engine.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/** The mode, link count, size and device of a file, from one {@code lstat} through the {@code unix} view. */
record UnixStat(int mode, int nlink, long size, long dev) {
    private static final String UNIX_ATTRIBUTES = "unix:mode,nlink,size,dev";

    static UnixStat of(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return new UnixStat((Integer) a.get("mode"), (Integer) a.get("nlink"), (Long) a.get("size"),
                (Long) a.get("dev"));
    }
}
