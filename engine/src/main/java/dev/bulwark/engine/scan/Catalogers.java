package dev.bulwark.engine.scan;

import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.ecosystem.apk.ApkCataloger;
import dev.bulwark.engine.ecosystem.dpkg.DpkgCataloger;
import dev.bulwark.engine.ecosystem.java.JavaCataloger;
import dev.bulwark.engine.ecosystem.rpm.RpmCataloger;
import java.util.List;

/** The explicit list of catalogers a scan runs. Adding an ecosystem adds one line here. */
public final class Catalogers {
    private Catalogers() {
    }

    public static List<Cataloger> all() {
        return List.of(new DpkgCataloger(), new RpmCataloger(), new ApkCataloger(), new JavaCataloger());
    }
}
