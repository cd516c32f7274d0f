package dev.bulwark.engine.scan;

import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.secret.SecretRuleSet;
import dev.bulwark.engine.secret.SecretScanner;
import dev.bulwark.engine.source.layout.OciLayoutImageSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Manual benchmark (not in the suite: the name matches no surefire pattern): the 1 GB bench image (bench/run.sh
 * builds it) scanned with and without secrets, uncached, alternating ABBA, medians and their ratio on stdout.
 * Run: {@code ./mvnw -q -o -pl engine test -Dtest=SecretScanBench -Dsurefire.failIfNoSpecifiedTests=false}, then
 * read {@code engine/target/surefire-reports/*SecretScanBench-output.txt}.
 */
class SecretScanBench {
    @Test
    void bench() throws Exception {
        Path fixtures = Path.of(System.getenv().getOrDefault("BULWARK_FIXTURE_CACHE",
                System.getProperty("user.home") + "/.cache/bulwark-fixtures"));
        Path layout = null;
        if (Files.isDirectory(fixtures)) {
            try (var dirs = Files.list(fixtures)) {
                layout = dirs.filter(d -> d.getFileName().toString().startsWith("bench-"))
                        .map(d -> d.resolve("bench-1g.oci")).filter(Files::isDirectory).findFirst().orElse(null);
            }
        }
        Assumptions.assumeTrue(layout != null, "bench image not built (bench/build-images.sh)");
        SecretScanner secrets = new SecretScanner(SecretRuleSet.builtIn());
        List<Double> plain = new ArrayList<>();
        List<Double> withSecrets = new ArrayList<>();
        int reps = Integer.getInteger("reps", 3);
        for (int i = 0; i < reps * 2 + 1; i++) {
            boolean s = (i % 2 == 1) ^ (i / 2 % 2 == 1);
            long t0 = System.nanoTime();
            ScanResult r;
            try (var image = new OciLayoutImageSource(layout, "1g", Platform.current()).open()) {
                r = new ImageScanner(Catalogers.all(), null, ScanOptions.defaults().withSecrets(s ? secrets : null),
                        ScanListener.NONE).index(image);
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("run %d secrets=%s %.2f s packages=%d secrets=%d%n", i, s, sec,
                    r.inventory().packages().size(), r.secrets().size());
            if (i == 0) {
                continue; // warm-up: page cache and JIT
            }
            (s ? withSecrets : plain).add(sec);
            if (s && withSecrets.size() == 1) {
                Map<String, Integer> byRule = new TreeMap<>();
                for (SecretFinding f : r.secrets()) {
                    byRule.merge(f.ruleId(), 1, Integer::sum);
                }
                System.out.println("  by rule " + byRule);
                r.inventory().warnings().stream().filter(w -> w.code().startsWith("secret."))
                        .forEach(w -> System.out.println("  " + w));
            }
        }
        Collections.sort(plain);
        Collections.sort(withSecrets);
        double mp = plain.get(plain.size() / 2);
        double ms = withSecrets.get(withSecrets.size() / 2);
        System.out.printf("median plain %.2f s, with secrets %.2f s, ratio %.2f%n", mp, ms, ms / mp);
    }
}
