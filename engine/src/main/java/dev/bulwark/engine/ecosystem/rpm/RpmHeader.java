package dev.bulwark.engine.ecosystem.rpm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The tags Bulwark needs from one installed package's header, as the rpm database stores it: a big-endian count of
 * index entries and of data bytes, the 16-byte entries (tag, type, offset, count), then the data. Absent tags are
 * null. Layout as in rpm's docs/manual/format.md ("Header structure") and hregions.md.
 */
record RpmHeader(String name, String version, String release, Long epoch, String arch, String license,
        String sourceRpm) {
    /** rpm's own limits: HEADER_TAGS_MAX index entries and HEADER_DATA_MAX bytes of data. */
    private static final int MAX_ENTRIES = 0xffff;
    private static final long MAX_DATA = 0x0fffffff;
    private static final int NAME = 1000;
    private static final int VERSION = 1001;
    private static final int RELEASE = 1002;
    private static final int EPOCH = 1003;
    private static final int LICENSE = 1014;
    private static final int ARCH = 1022;
    private static final int SOURCERPM = 1044;
    private static final int TYPE_INT32 = 4;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_STRING_ARRAY = 8;
    private static final int TYPE_I18NSTRING = 9;

    /** The full version as rpm prints {@code %{EVR}}: {@code epoch:version-release}, epoch only when recorded. */
    String evr() {
        String vr = release == null ? version : version + "-" + release;
        return epoch == null ? vr : epoch + ":" + vr;
    }

    static RpmHeader parse(byte[] blob) {
        if (blob.length < 8) {
            throw new MalformedHeaderException("header blob of " + blob.length + " bytes is too short");
        }
        ByteBuffer b = ByteBuffer.wrap(blob);
        long entries = Integer.toUnsignedLong(b.getInt(0));
        long dataLength = Integer.toUnsignedLong(b.getInt(4));
        if (entries < 1 || entries > MAX_ENTRIES) {
            throw new MalformedHeaderException("header index count " + entries + " is out of range");
        }
        long dataStart = 8 + 16 * entries;
        if (dataLength > MAX_DATA || dataStart + dataLength > blob.length) {
            throw new MalformedHeaderException("header of " + blob.length + " bytes cannot hold " + entries
                    + " index entries and " + dataLength + " data bytes");
        }
        Fields f = new Fields(b, (int) dataStart, (int) dataLength);
        for (int e = 8; e < dataStart; e += 16) {
            f.entry(b.getInt(e), b.getInt(e + 4), b.getInt(e + 8), b.getInt(e + 12));
        }
        if (f.name == null || f.version == null) {
            throw new MalformedHeaderException("header has no " + (f.name == null ? "NAME" : "VERSION") + " tag");
        }
        return new RpmHeader(f.name, f.version, f.release, f.epoch, f.arch, f.license, f.sourceRpm);
    }

    /** The wanted tags seen so far; the first occurrence of a tag wins, as in rpm's own lookup. */
    private static final class Fields {
        final ByteBuffer blob;
        final int dataStart;
        final int dataLength;
        String name;
        String version;
        String release;
        Long epoch;
        String arch;
        String license;
        String sourceRpm;

        Fields(ByteBuffer blob, int dataStart, int dataLength) {
            this.blob = blob;
            this.dataStart = dataStart;
            this.dataLength = dataLength;
        }

        void entry(int tag, int type, int offset, int count) {
            switch (tag) {
                case NAME -> name = name != null ? name : string(tag, type, offset);
                case VERSION -> version = version != null ? version : string(tag, type, offset);
                case RELEASE -> release = release != null ? release : string(tag, type, offset);
                case LICENSE -> license = license != null ? license : string(tag, type, offset);
                case ARCH -> arch = arch != null ? arch : string(tag, type, offset);
                case SOURCERPM -> sourceRpm = sourceRpm != null ? sourceRpm : string(tag, type, offset);
                case EPOCH -> epoch = epoch != null ? epoch : int32(tag, type, offset, count);
                default -> {
                }
            }
        }

        private String string(int tag, int type, int offset) {
            if (type != TYPE_STRING && type != TYPE_STRING_ARRAY && type != TYPE_I18NSTRING) {
                throw new MalformedHeaderException("tag " + tag + " has type " + type + ", not a string");
            }
            if (offset < 0 || offset >= dataLength) {
                throw new MalformedHeaderException("tag " + tag + " offset " + offset + " is outside the "
                        + dataLength + "-byte data");
            }
            int start = dataStart + offset;
            int end = dataStart + dataLength;
            for (int i = start; i < end; i++) {
                if (blob.get(i) == 0) {
                    return new String(blob.array(), start, i - start, StandardCharsets.UTF_8);
                }
            }
            throw new MalformedHeaderException("tag " + tag + " string is not terminated inside the data");
        }

        private Long int32(int tag, int type, int offset, int count) {
            if (type != TYPE_INT32 || count < 1) {
                throw new MalformedHeaderException("tag " + tag + " is not a 32-bit integer");
            }
            if (offset < 0 || offset > dataLength - 4) {
                throw new MalformedHeaderException("tag " + tag + " offset " + offset + " is outside the "
                        + dataLength + "-byte data");
            }
            return Integer.toUnsignedLong(blob.getInt(dataStart + offset));
        }
    }
}
