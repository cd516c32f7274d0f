package dev.bulwark.engine.scan;

import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.ecosystem.apk.ApkCataloger;
import dev.bulwark.engine.ecosystem.dpkg.DpkgCataloger;
import dev.bulwark.engine.ecosystem.dotnet.DotnetCataloger;
import dev.bulwark.engine.ecosystem.golang.GoBinaryCataloger;
import dev.bulwark.engine.ecosystem.golang.GoModCataloger;
import dev.bulwark.engine.ecosystem.java.JavaCataloger;
import dev.bulwark.engine.ecosystem.npm.NpmCataloger;
import dev.bulwark.engine.ecosystem.php.ComposerCataloger;
import dev.bulwark.engine.ecosystem.python.PythonCataloger;
import dev.bulwark.engine.ecosystem.ruby.GemCataloger;
import dev.bulwark.engine.ecosystem.ruby.GemfileLockCataloger;
import dev.bulwark.engine.ecosystem.rust.CargoLockCataloger;
import dev.bulwark.engine.ecosystem.rust.RustBinaryCataloger;
import dev.bulwark.engine.ecosystem.rpm.RpmCataloger;
import java.util.List;

/** The explicit list of catalogers a scan runs. Adding an ecosystem adds one line here. */
public final class Catalogers {
    /**
     * Benchmark switch (docs/benchmarks.md), not a user option: {@code BULWARK_BENCH_CATALOGERS=os} runs the OS
     * package catalogers only, to measure what the language catalogers cost on the same image.
     */
    static final String BENCH_SWITCH = "BULWARK_BENCH_CATALOGERS";

    private Catalogers() {
    }

    public static List<Cataloger> all() {
        if ("os".equals(System.getenv(BENCH_SWITCH))) {
            return List.of(new DpkgCataloger(), new RpmCataloger(), new ApkCataloger());
        }
        return List.of(new DpkgCataloger(), new RpmCataloger(), new ApkCataloger(), new JavaCataloger(),
                new NpmCataloger(), new PythonCataloger(),
                new GoBinaryCataloger(), new GoModCataloger(), new RustBinaryCataloger(), new CargoLockCataloger(),
                new GemCataloger(), new GemfileLockCataloger(), new DotnetCataloger(), new ComposerCataloger());
    }
}
