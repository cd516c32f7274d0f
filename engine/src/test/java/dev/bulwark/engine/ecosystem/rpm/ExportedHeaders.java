package dev.bulwark.engine.ecosystem.rpm;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the output of {@code rpmdb --exportdb} into header blobs as the databases store them: rpm writes each
 * header with its 8-byte magic ({@code 8e ad e8 01 00 00 00 00}), then the index count, data length, index and data.
 */
final class ExportedHeaders {
    private static final byte[] MAGIC = {(byte) 0x8e, (byte) 0xad, (byte) 0xe8, 0x01, 0, 0, 0, 0};

    private ExportedHeaders() {
    }

    static List<byte[]> split(byte[] export) {
        List<byte[]> blobs = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(export);
        int at = 0;
        while (at < export.length) {
            if (!Arrays.equals(export, at, at + 8, MAGIC, 0, 8)) {
                throw new IllegalStateException("rpmdb --exportdb output has no header magic at byte " + at);
            }
            int length = 8 + 16 * b.getInt(at + 8) + b.getInt(at + 12);
            blobs.add(Arrays.copyOfRange(export, at + 8, at + 8 + length));
            at += 8 + length;
        }
        return blobs;
    }
}
