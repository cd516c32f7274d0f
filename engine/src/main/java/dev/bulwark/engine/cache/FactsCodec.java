package dev.bulwark.engine.cache;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.layer.CatalogerResult;
import dev.bulwark.engine.layer.EntryType;
import dev.bulwark.engine.layer.FileEntry;
import dev.bulwark.engine.layer.LayerIndex;
import dev.bulwark.engine.layer.LayerSecrets;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compact binary encoding of per-layer facts for the cache. Each file starts with a magic and format number; a
 * file that does not decode cleanly is treated as a cache miss by the caller, never trusted.
 */
final class FactsCodec {
    private static final int MAGIC = 0x42574B43; // "BWKC"
    private static final int FORMAT = 4;
    private static final int MAX_COUNT = 10_000_000;
    private static final int MAX_BYTES = 64 << 20;

    private FactsCodec() {
    }

    static void writeIndex(DataOutputStream out, LayerIndex index) throws IOException {
        header(out);
        out.writeInt(index.structural().size());
        for (FileEntry e : index.structural()) {
            str(out, e.path());
            out.writeByte(e.type().ordinal());
            out.writeLong(e.size());
            out.writeInt(e.mode());
            str(out, e.linkTarget());
        }
        out.writeInt(index.captured().size());
        for (Map.Entry<String, byte[]> c : index.captured().entrySet()) {
            str(out, c.getKey());
            out.writeInt(c.getValue().length);
            out.write(c.getValue());
        }
        warnings(out, index.warnings());
    }

    static LayerIndex readIndex(DataInputStream in) throws IOException {
        checkHeader(in);
        int n = count(in);
        List<FileEntry> entries = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            String path = str(in);
            EntryType type;
            try {
                type = EntryType.values()[in.readUnsignedByte()];
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new IOException("bad entry type");
            }
            entries.add(new FileEntry(path, type, in.readLong(), in.readInt(), str(in)));
        }
        int c = count(in);
        Map<String, byte[]> captured = new HashMap<>();
        for (int i = 0; i < c; i++) {
            String path = str(in);
            int len = in.readInt();
            if (len < 0 || len > MAX_BYTES) {
                throw new IOException("bad length");
            }
            byte[] data = new byte[len];
            in.readFully(data);
            captured.put(path, data);
        }
        return new LayerIndex(entries, captured, warnings(in));
    }

    static void writeResult(DataOutputStream out, CatalogerResult result) throws IOException {
        header(out);
        out.writeInt(result.parsedPaths().size());
        for (String p : result.parsedPaths()) {
            str(out, p);
        }
        out.writeInt(result.packages().size());
        for (Package p : result.packages()) {
            str(out, p.type());
            str(out, p.name());
            str(out, p.version());
            str(out, p.architecture());
            str(out, p.sourceName());
            str(out, p.sourceVersion());
            out.writeInt(p.licenses().size());
            for (String l : p.licenses()) {
                str(out, l);
            }
            str(out, p.foundBy());
            str(out, p.location());
            out.writeInt(p.hashes().size());
            for (Map.Entry<String, String> h : p.hashes().entrySet()) {
                str(out, h.getKey());
                str(out, h.getValue());
            }
            out.writeInt(p.dependsOn().size());
            for (String d : p.dependsOn()) {
                str(out, d);
            }
            out.writeInt(p.flags().size());
            for (PackageFlag f : p.flags()) {
                out.writeByte(f.ordinal());
            }
            str(out, p.ownedBy());
        }
        warnings(out, result.warnings());
        out.writeInt(result.owned().size());
        for (Map.Entry<String, String> o : result.owned().entrySet()) {
            str(out, o.getKey());
            str(out, o.getValue());
        }
    }

    static CatalogerResult readResult(DataInputStream in) throws IOException {
        checkHeader(in);
        int n = count(in);
        List<String> parsed = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            parsed.add(str(in));
        }
        int p = count(in);
        List<Package> packages = new ArrayList<>(Math.min(p, 1 << 16));
        for (int i = 0; i < p; i++) {
            String type = str(in);
            String name = str(in);
            String version = str(in);
            String arch = str(in);
            String srcName = str(in);
            String srcVersion = str(in);
            int l = count(in);
            List<String> licenses = new ArrayList<>(l);
            for (int j = 0; j < l; j++) {
                licenses.add(str(in));
            }
            String foundBy = str(in);
            String location = str(in);
            int h = count(in);
            Map<String, String> hashes = new HashMap<>();
            for (int j = 0; j < h; j++) {
                hashes.put(str(in), str(in));
            }
            int d = count(in);
            List<String> dependsOn = new ArrayList<>(Math.min(d, 1024));
            for (int j = 0; j < d; j++) {
                dependsOn.add(str(in));
            }
            int f = count(in);
            Set<PackageFlag> flags = EnumSet.noneOf(PackageFlag.class);
            for (int j = 0; j < f; j++) {
                int ordinal = in.readUnsignedByte();
                if (ordinal >= PackageFlag.values().length) {
                    throw new IOException("bad flag");
                }
                flags.add(PackageFlag.values()[ordinal]);
            }
            String ownedBy = str(in);
            if (type == null || name == null || version == null || hashes.containsKey(null)
                    || hashes.containsValue(null) || dependsOn.contains(null)) {
                throw new IOException("incomplete package");
            }
            packages.add(new Package(type, name, version, arch, srcName, srcVersion, licenses, foundBy, location,
                    null, null, hashes, dependsOn, flags, ownedBy));
        }
        List<Warning> warnings = warnings(in);
        int o = count(in);
        Map<String, String> owned = new HashMap<>(Math.min(o, 1 << 16));
        for (int i = 0; i < o; i++) {
            String path = str(in);
            String owner = str(in);
            if (path == null || owner == null) {
                throw new IOException("incomplete ownership");
            }
            owned.put(path, owner);
        }
        return new CatalogerResult(parsed, packages, warnings, owned);
    }

    static void writeSecrets(DataOutputStream out, LayerSecrets secrets) throws IOException {
        header(out);
        out.writeInt(secrets.findings().size());
        for (SecretFinding f : secrets.findings()) {
            str(out, f.ruleId());
            str(out, f.title());
            out.writeByte(f.severity().ordinal());
            str(out, f.location().path());
            out.writeInt(f.location().startLine());
            out.writeInt(f.location().endLine());
            str(out, f.masked());
        }
        warnings(out, secrets.warnings());
    }

    static LayerSecrets readSecrets(DataInputStream in) throws IOException {
        checkHeader(in);
        int n = count(in);
        List<SecretFinding> findings = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            String rule = str(in);
            String title = str(in);
            int severity = in.readUnsignedByte();
            String path = str(in);
            int start = in.readInt();
            int end = in.readInt();
            String masked = str(in);
            if (rule == null || path == null || masked == null || severity >= Severity.values().length
                    || start < 0 || end < 0) {
                throw new IOException("incomplete secret finding");
            }
            findings.add(new SecretFinding(rule, title, Severity.values()[severity],
                    Location.lines(path, start, end), masked, false));
        }
        return new LayerSecrets(findings, warnings(in));
    }

    private static void warnings(DataOutputStream out, List<Warning> warnings) throws IOException {
        out.writeInt(warnings.size());
        for (Warning w : warnings) {
            str(out, w.code());
            str(out, w.message());
        }
    }

    private static List<Warning> warnings(DataInputStream in) throws IOException {
        int n = count(in);
        List<Warning> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(new Warning(str(in), str(in)));
        }
        return out;
    }

    private static void header(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
    }

    private static void checkHeader(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a cache file of this format");
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("bad count");
        }
        return n;
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len == -1) {
            return null;
        }
        if (len < 0 || len > MAX_BYTES) {
            throw new IOException("bad string length");
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
