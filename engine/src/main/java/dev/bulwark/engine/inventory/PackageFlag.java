package dev.bulwark.engine.inventory;

/** Facts about how a package was found or is used, shown in reports and used by matching and policy. */
public enum PackageFlag {
    /** A development-only dependency (npm devDependencies, poetry dev groups...): not shipped at run time. */
    DEVELOPMENT,
    /** Identified from weaker evidence (a jar's MANIFEST.MF rather than Maven metadata). */
    LOW_CONFIDENCE
}
