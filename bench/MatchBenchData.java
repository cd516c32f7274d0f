import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.advisory.debian.TrackerFixtures;
import dev.bulwark.engine.advisory.imports.Importers;
import dev.bulwark.engine.advisory.store.AdvisoryDatabaseBuilder;
import dev.bulwark.engine.advisory.store.DatabaseMetadata;
import dev.bulwark.engine.ecosystem.VersionSchemes;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageUrls;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@link MatchBench}'s {@code prepare} mode: the database and the inventories it times, all made from
 * ../shared/data, deterministically (one seed). See {@link #prepare}.
 */
final class MatchBenchData {
    private static final long SEED = 4_006L;
    private static final int TOTAL = 10_000;
    private static final int DEBIAN = 1_500;
    /** At least this many packages that miss; more when the advisories name fewer keys than the rest. */
    private static final int MISSES = 2_500;
    /** OSV directory, its ecosystem and the inventory type the catalogers give it. */
    private static final String[][] LANGUAGES = {{"maven", "Maven", "maven"}, {"npm", "npm", "npm"},
        {"pypi", "PyPI", "pypi"}, {"go", "Go", "golang"}, {"crates.io", "crates.io", "cargo"}};
    static final Distro DEBIAN_12 = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)",
            null, "etc/os-release");

    private MatchBenchData() {
    }

    /**
     * Builds the database (every OSV file plus a Security Tracker file written from the Debian changelog facts), a
     * 10,000-package inventory as {@code inventory.tsv} (the names the advisories name, versions taken from their own
     * events: some inside a range, some at a fix; Debian source packages at changelog and bookworm versions; real names
     * put in another ecosystem, which miss), the same names at realistic versions as {@code inventory-realistic.tsv},
     * and the first inventory laid out as a root filesystem ({@code rootfs/}: dpkg status and lockfiles) for timing
     * {@code bulwark fs}.
     */
    static void prepare(Path osv, Path debian, Path out) throws IOException {
        Files.createDirectories(out);
        Path tracker = out.resolve("tracker.json");
        int entries = TrackerFixtures.writeBookworm(debian, tracker);
        AdvisoryDatabaseBuilder builder = new AdvisoryDatabaseBuilder();
        Importers.importPath(osv, builder);
        Importers.importPath(tracker, builder);
        Path dbDir = Files.createDirectories(out.resolve("db"));
        DatabaseMetadata meta = builder.writeAtomically(dbDir.resolve("advisories.db"));
        System.out.printf("database: %d advisories (%d tracker entries), %d package keys%n", meta.advisories(),
                entries, meta.packageKeys());

        Random random = new Random(SEED);
        List<Package> packages = new ArrayList<>();
        packages.addAll(debianPackages(debian, random));
        Map<String, Map<String, TreeSet<String>[]>> keys = languageKeys(osv);
        List<Package> language = new ArrayList<>();
        List<Package> misses = new ArrayList<>();
        for (String[] lang : LANGUAGES) {
            Set<String> own = keys.get(lang[1]).keySet();
            for (Map.Entry<String, TreeSet<String>[]> k : keys.get(lang[1]).entrySet()) {
                TreeSet<String> inside = k.getValue()[0];
                TreeSet<String> fixed = k.getValue()[1];
                // one version the advisories name as affected (or a fix when they name none), and for most keys a
                // second package of the same name at a fixed version, as different apps in one image would carry
                // (advisories with only "introduced 0" and no fix name no version: every version is affected)
                TreeSet<String> first = !inside.isEmpty() ? inside : !fixed.isEmpty() ? fixed
                        : new TreeSet<>(List.of("1.0.0"));
                language.add(pkg(lang[2], k.getKey(), pick(first, random)));
                if (!fixed.isEmpty() && random.nextInt(10) < 7) {
                    language.add(pkg(lang[2], k.getKey(), pick(fixed, random)));
                }
            }
            // real names of the other ecosystems that this one has no advisory for: lookups that miss
            for (String[] other : LANGUAGES) {
                if (other == lang) {
                    continue;
                }
                for (Map.Entry<String, TreeSet<String>[]> k : keys.get(other[1]).entrySet()) {
                    String name = missName(lang[2], k.getKey());
                    TreeSet<String> versions = new TreeSet<>(k.getValue()[0]);
                    versions.addAll(k.getValue()[1]);
                    if (name != null && !own.contains(name) && !versions.isEmpty()) {
                        misses.add(pkg(lang[2], name, pick(versions, random)));
                    }
                }
            }
        }
        java.util.Collections.shuffle(misses, random);
        java.util.Collections.shuffle(language, random);
        int languageCount = TOTAL - packages.size() - MISSES;
        packages.addAll(language.subList(0, Math.min(languageCount, language.size())));
        packages.addAll(misses.subList(0, TOTAL - packages.size()));
        List<Package> withPurls = packages.stream().map(p -> p.withPurl(PackageUrls.of(p, DEBIAN_12))).toList();
        writeTsv(withPurls, out.resolve("inventory.tsv"));
        writeRootfs(withPurls, out.resolve("rootfs"));
        List<Package> realistic = realistic(withPurls, keys, debian, new Random(SEED + 1));
        writeTsv(realistic, out.resolve("inventory-realistic.tsv"));
        Map<String, Integer> byType = new TreeMap<>();
        withPurls.forEach(p -> byType.merge(p.type(), 1, Integer::sum));
        int named = Math.min(languageCount, language.size());
        System.out.printf("inventory: %d packages %s (%d Debian, %d language packages named by advisories, %d with"
                + " names no advisory of their ecosystem uses)%n", withPurls.size(), byType, DEBIAN, named,
                withPurls.size() - DEBIAN - named);
    }

    /**
     * The same 10,000 names as a maintained image would carry them: the Debian binaries of the changelogs' sources at
     * the newest version their changelog names, and 85% of the language packages advisories name at the newest
     * version any of them gives as a fix (the rest keep a version inside a range); the debootstrap packages and the
     * names no advisory uses stay as they are. Fewer hits, the same lookups.
     */
    private static List<Package> realistic(List<Package> packages, Map<String, Map<String, TreeSet<String>[]>> keys,
            Path debian, Random random) throws IOException {
        Map<String, TreeSet<String>> changelog = new TreeMap<>();
        for (String[] row : tsv(debian.resolve("changelog_cve_fixed_versions.tsv"))) {
            changelog.computeIfAbsent(row[0], k -> new TreeSet<>()).add(row[1]);
        }
        Map<String, String> ecosystems = new TreeMap<>();
        for (String[] lang : LANGUAGES) {
            ecosystems.put(lang[2], lang[1]);
        }
        var dpkg = VersionSchemes.forEcosystem("Debian").orElseThrow();
        List<Package> out = new ArrayList<>();
        for (Package p : packages) {
            String version = p.version();
            if (p.type().equals("deb") && p.name().contains("-bin") && changelog.containsKey(p.sourceName())) {
                version = newest(changelog.get(p.sourceName()), dpkg);
                Package moved = new Package("deb", p.name(), version, "amd64", p.sourceName(), version, List.of(),
                        "dpkg", "var/lib/dpkg/status", null, null);
                out.add(moved.withPurl(PackageUrls.of(moved, DEBIAN_12)));
                continue;
            }
            String ecosystem = ecosystems.get(p.type());
            TreeSet<String>[] named = ecosystem == null ? null : keys.get(ecosystem).get(p.name());
            if (named != null && !named[1].isEmpty() && random.nextInt(100) < 85) {
                var scheme = VersionSchemes.forEcosystem(ecosystem).orElseThrow();
                String fixed = newest(named[1], scheme);
                version = p.type().equals("golang") && !fixed.startsWith("v") ? "v" + fixed : fixed;
                Package moved = new Package(p.type(), p.name(), version, null, null, null, List.of(), p.type(),
                        "srv/app", null, null);
                out.add(moved.withPurl(PackageUrls.of(moved, DEBIAN_12)));
                continue;
            }
            out.add(p);
        }
        return out;
    }

    private static String newest(TreeSet<String> versions, dev.bulwark.engine.version.VersionScheme scheme) {
        String best = null;
        dev.bulwark.engine.version.Version bestVersion = null;
        for (String v : versions) {
            var parsed = scheme.parse(v).orElse(null);
            if (parsed != null && (bestVersion == null || parsed.compareTo(bestVersion) > 0)) {
                best = v;
                bestVersion = parsed;
            }
        }
        return best == null ? versions.last() : best;
    }

    /** Debian binary packages at their bookworm versions, and the changelogs' sources at versions they name. */
    private static List<Package> debianPackages(Path debian, Random random) throws IOException {
        List<Package> out = new ArrayList<>();
        for (String[] row : tsv(debian.resolve("debootstrap_packages.tsv"))) {
            String version = row[3];
            String source = row[1];
            String sourceVersion = row[2].isEmpty() ? version : row[2];
            out.add(new Package("deb", row[0], version, "amd64", source, sourceVersion, List.of(), "dpkg",
                    "var/lib/dpkg/status", null, null));
        }
        Map<String, TreeSet<String>> changelog = new TreeMap<>();
        for (String[] row : tsv(debian.resolve("changelog_cve_fixed_versions.tsv"))) {
            changelog.computeIfAbsent(row[0], k -> new TreeSet<>()).add(row[1]);
        }
        // more binaries of those sources, at versions their changelogs name (older ones are inside later fixes)
        List<String> sources = new ArrayList<>(changelog.keySet());
        for (int i = 0; out.size() < DEBIAN; i++) {
            String source = sources.get(i % sources.size());
            String version = pick(changelog.get(source), random);
            out.add(new Package("deb", source + "-bin" + i, version, "amd64", source, version, List.of(), "dpkg",
                    "var/lib/dpkg/status", null, null));
        }
        return out;
    }

    /** Per ecosystem and package name: the versions advisories name as affected [0] and as fixes [1]. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, TreeSet<String>[]>> languageKeys(Path osv) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, TreeSet<String>[]>> keys = new LinkedHashMap<>();
        for (String[] lang : LANGUAGES) {
            Map<String, TreeSet<String>[]> names = new TreeMap<>();
            keys.put(lang[1], names);
            List<Path> files;
            try (Stream<Path> s = Files.list(osv.resolve(lang[0]))) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path f : files) {
                JsonNode doc = json.readTree(f.toFile());
                for (JsonNode a : doc.path("affected")) {
                    if (!lang[1].equals(a.path("package").path("ecosystem").asText())) {
                        continue;
                    }
                    String name = a.path("package").path("name").asText();
                    TreeSet<String>[] v = names.computeIfAbsent(name, k -> new TreeSet[] {new TreeSet<>(),
                        new TreeSet<>()});
                    for (JsonNode r : a.path("ranges")) {
                        if ("GIT".equals(r.path("type").asText())) {
                            continue;
                        }
                        for (JsonNode e : r.path("events")) {
                            e.fieldNames().forEachRemaining(kind -> {
                                String text = e.get(kind).asText();
                                if (kind.equals("fixed")) {
                                    v[1].add(text);
                                } else if (!text.equals("0") && !kind.equals("limit")) {
                                    v[0].add(text);
                                }
                            });
                        }
                    }
                    int listed = 0;
                    for (JsonNode ver : a.path("versions")) {
                        if (listed++ < 5) {
                            v[0].add(ver.asText());
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static Package pkg(String type, String name, String osvVersion) {
        String version = type.equals("golang") && !osvVersion.startsWith("v") ? "v" + osvVersion : osvVersion;
        return new Package(type, name, version, null, null, null, List.of(), type, "srv/app", null, null);
    }

    /** A name of another ecosystem as this one would spell it, or null when it cannot be one. */
    private static String missName(String type, String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1).replace("@", "");
        if (last.isEmpty() || !last.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return null;
        }
        return switch (type) {
            case "maven" -> "org.example." + last.toLowerCase() + ":" + last;
            case "golang" -> "example.com/" + last.toLowerCase();
            case "pypi" -> last.toLowerCase().replaceAll("[-_.]+", "-");
            default -> last.toLowerCase();
        };
    }

    private static String pick(TreeSet<String> set, Random random) {
        return set.stream().skip(random.nextInt(set.size())).findFirst().orElseThrow();
    }

    private static List<String[]> tsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    }

    private static void writeTsv(List<Package> packages, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (Package p : packages) {
                w.println(String.join("\t", p.type(), p.name(), p.version(), nz(p.architecture()), nz(p.sourceName()),
                        nz(p.sourceVersion()), p.purl()));
            }
        }
    }

    /** The packages as files the catalogers read: dpkg status, and per type lockfiles holding each name once. */
    private static void writeRootfs(List<Package> packages, Path root) throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME="
                + "\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n");
        StringBuilder status = new StringBuilder();
        Map<String, List<Map<String, String>>> apps = new TreeMap<>();
        for (Package p : packages) {
            if (p.type().equals("deb")) {
                status.append("Package: ").append(p.name()).append("\nStatus: install ok installed\nArchitecture: amd64\n");
                if (!p.sourceName().equals(p.name()) || !p.sourceVersion().equals(p.version())) {
                    status.append("Source: ").append(p.sourceName());
                    if (!p.sourceVersion().equals(p.version())) {
                        status.append(" (").append(p.sourceVersion()).append(')');
                    }
                    status.append('\n');
                }
                status.append("Version: ").append(p.version()).append("\n\n");
                continue;
            }
            List<Map<String, String>> files = apps.computeIfAbsent(p.type(), k -> new ArrayList<>());
            Map<String, String> file = files.stream().filter(f -> !f.containsKey(p.name())).findFirst().orElse(null);
            if (file == null) {
                file = new LinkedHashMap<>();
                files.add(file);
            }
            file.put(p.name(), p.version());
        }
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), status);
        for (Map.Entry<String, List<Map<String, String>>> e : apps.entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                Path dir = Files.createDirectories(root.resolve("srv/" + e.getKey() + "-app" + i));
                writeLockfile(e.getKey(), e.getValue().get(i), dir);
            }
        }
    }

    private static void writeLockfile(String type, Map<String, String> pkgs, Path dir) throws IOException {
        StringBuilder s = new StringBuilder();
        switch (type) {
            case "maven" -> {
                s.append("# Gradle lockfile\n");
                pkgs.forEach((n, v) -> s.append(n).append(':').append(v).append("=runtimeClasspath\n"));
                s.append("empty=\n");
                Files.writeString(dir.resolve("gradle.lockfile"), s);
            }
            case "npm" -> {
                s.append("{\"name\":\"app\",\"version\":\"1.0.0\",\"lockfileVersion\":3,\"requires\":true,")
                        .append("\"packages\":{\"\":{\"name\":\"app\",\"version\":\"1.0.0\"}");
                pkgs.forEach((n, v) -> s.append(",\"node_modules/").append(n).append("\":{\"version\":\"")
                        .append(v).append("\"}"));
                s.append("}}\n");
                Files.writeString(dir.resolve("package-lock.json"), s);
                Files.writeString(dir.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}\n");
            }
            case "pypi" -> {
                pkgs.forEach((n, v) -> s.append(n).append("==").append(v).append('\n'));
                Files.writeString(dir.resolve("requirements.txt"), s);
            }
            case "golang" -> {
                s.append("module example.com/app\n\ngo 1.22\n\nrequire (\n");
                pkgs.forEach((n, v) -> {
                    if (!n.equals("stdlib") && !n.equals("toolchain")) {
                        s.append('\t').append(n).append(' ').append(v).append('\n');
                    }
                });
                s.append(")\n");
                Files.writeString(dir.resolve("go.mod"), s);
            }
            case "cargo" -> {
                s.append("version = 3\n");
                pkgs.forEach((n, v) -> s.append("\n[[package]]\nname = \"").append(n).append("\"\nversion = \"")
                        .append(v).append("\"\n"));
                Files.writeString(dir.resolve("Cargo.lock"), s);
            }
            default -> throw new IllegalStateException(type);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
