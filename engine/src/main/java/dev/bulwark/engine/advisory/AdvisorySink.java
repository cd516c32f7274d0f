package dev.bulwark.engine.advisory;

/**
 * Where importers deliver what they read, and what they skipped. Warning codes are stable and short
 * ({@code osv.unknown-ecosystem}); messages are one line naming the file or entry.
 */
public interface AdvisorySink {
    void advisory(Advisory advisory);

    void kev(KevEntry entry);

    void epss(EpssScore score);

    /** The EPSS model version and score date from the CSV's comment line. */
    void epssModel(String modelVersion, String scoreDate);

    void warn(String code, String message);
}
