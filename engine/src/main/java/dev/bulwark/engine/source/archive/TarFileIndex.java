package dev.bulwark.engine.source.archive;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.layer.LayerPaths;
import dev.bulwark.engine.layer.TarEntry;
import dev.bulwark.engine.layer.TarReader;
import dev.bulwark.engine.source.layout.BlobStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The regular files of an uncompressed tar archive by name, found by reading headers only and seeking past content,
 * so indexing a multi-gigabyte image archive costs a few milliseconds. Each open gets its own channel, so layers can
 * be read in parallel.
 */
final class TarFileIndex implements BlobStore {
    private static final int MAX_ENTRIES = 1_000_000;
    private final Path file;
    private final Map<String, long[]> entries = new HashMap<>();

    private TarFileIndex(Path file) {
        this.file = file;
    }

    static TarFileIndex of(Path file) throws IOException {
        TarFileIndex index = new TarFileIndex(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            SeekingStream in = new SeekingStream(ch);
            TarReader reader = new TarReader(in);
            TarEntry e;
            while ((e = reader.next()) != null) {
                if (!e.isRegularFile()) {
                    continue;
                }
                String name;
                try {
                    name = LayerPaths.normalize(e.name());
                } catch (IllegalArgumentException bad) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": " + bad.getMessage());
                }
                if (index.entries.size() >= MAX_ENTRIES) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": more than " + MAX_ENTRIES
                            + " entries; not an image archive");
                }
                if (in.position + e.size() > ch.size()) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": archive is truncated inside "
                            + name);
                }
                index.entries.put(name, new long[] {in.position, e.size()});
            }
        }
        return index;
    }

    @Override
    public Optional<InputStream> open(String path) throws IOException {
        long[] at = entries.get(path);
        if (at == null) {
            return Optional.empty();
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(at[0]);
        InputStream bounded = new BoundedChannelStream(ch, at[1]);
        return Optional.of(new BufferedInputStream(bounded, 1 << 16));
    }

    @Override
    public long size(String path) {
        long[] at = entries.get(path);
        return at == null ? -1 : at[1];
    }

    @Override
    public String describe() {
        return file.toString();
    }

    boolean contains(String path) {
        return entries.containsKey(path);
    }

    /** Reads headers through the channel and skips content by moving the position. */
    private static final class SeekingStream extends InputStream {
        private final FileChannel ch;
        private final long size;
        long position;

        SeekingStream(FileChannel ch) throws IOException {
            this.ch = ch;
            this.size = ch.size();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = ch.read(ByteBuffer.wrap(b, off, len), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            long s = Math.max(0, Math.min(n, size - position));
            position += s;
            return s;
        }
    }

    /** One entry's bytes: reads stop at its end. */
    private static final class BoundedChannelStream extends InputStream {
        private final InputStream in;
        private final FileChannel ch;
        private long left;

        BoundedChannelStream(FileChannel ch, long size) {
            this.ch = ch;
            this.in = Channels.newInputStream(ch);
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
