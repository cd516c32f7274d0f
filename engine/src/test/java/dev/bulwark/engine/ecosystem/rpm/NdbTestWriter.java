package dev.bulwark.engine.ecosystem.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Writes an NDB {@code Packages.db} holding the given header blobs, laid out as rpm's lib/backend/ndb/rpmpkg.c
 * writes it (header, slot pages, 16-byte-block blobs framed with magic, length and adler32). Debian's rpm 4.18 is
 * built without NDB, so no real tool here can write one; the blobs themselves come from real rpm.
 */
final class NdbTestWriter {
    private NdbTestWriter() {
    }

    static byte[] write(List<byte[]> blobs) {
        int slotsOnFirstPage = (4096 - 32) / 16;
        int slotPages = 1 + Math.max(0, (blobs.size() - slotsOnFirstPage + 255) / 256);
        long blocks = slotPages * 256L;
        for (byte[] blob : blobs) {
            blocks += blockCount(blob);
        }
        ByteBuffer out = ByteBuffer.allocate((int) (blocks * 16)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0, magic("RpmP")).putInt(4, 0).putInt(8, 1).putInt(12, slotPages).putInt(16, blobs.size() + 1);
        for (int slot = 2; slot < slotPages * 256; slot++) {
            out.putInt(slot * 16, magic("Slot"));
        }
        int blockOffset = slotPages * 256;
        for (int i = 0; i < blobs.size(); i++) {
            byte[] blob = blobs.get(i);
            int pkgIdx = i + 1;
            int count = blockCount(blob);
            int slot = (2 + i) * 16;
            out.putInt(slot + 4, pkgIdx).putInt(slot + 8, blockOffset).putInt(slot + 12, count);
            int start = blockOffset * 16;
            out.putInt(start, magic("BlbS")).putInt(start + 4, pkgIdx).putInt(start + 8, 1_700_000_000)
                    .putInt(start + 12, blob.length);
            out.put(start + 16, blob);
            int tail = start + count * 16 - 12;
            Adler32 adler = new Adler32();
            adler.update(out.array(), start, tail - start);
            out.putInt(tail, (int) adler.getValue()).putInt(tail + 4, blob.length).putInt(tail + 8, magic("BlbE"));
            blockOffset += count;
        }
        return out.array();
    }

    static int blockCount(byte[] blob) {
        return (16 + blob.length + 12 + 15) / 16;
    }

    private static int magic(String four) {
        return four.charAt(0) | four.charAt(1) << 8 | four.charAt(2) << 16 | four.charAt(3) << 24;
    }
}
