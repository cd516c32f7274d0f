package dev.bulwark.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a report takes from outside the inventory: the time, fresh unique ids and the tool's version. Tests pass a
 * fixed clock and uuid supplier so documents are byte-for-byte reproducible.
 */
public record ReportContext(Clock clock, Supplier<UUID> uuids, String toolVersion) {

    public ReportContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(uuids, "uuids");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** The real clock, random UUIDs and the version from the jar manifest ({@code dev} when run from classes). */
    public static ReportContext system() {
        String version = ReportContext.class.getPackage().getImplementationVersion();
        return new ReportContext(Clock.systemUTC(), UUID::randomUUID, version == null ? "dev" : version);
    }

    /** Now, to the second: SBOM timestamps carry no fractions. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public UUID newUuid() {
        return uuids.get();
    }
}
