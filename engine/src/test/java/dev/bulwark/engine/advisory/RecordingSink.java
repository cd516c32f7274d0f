package dev.bulwark.engine.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A sink for tests: keeps everything delivered and counts warnings by code. */
public final class RecordingSink implements AdvisorySink {
    public final List<Advisory> advisories = new ArrayList<>();
    public final List<KevEntry> kev = new ArrayList<>();
    public final List<EpssScore> epss = new ArrayList<>();
    public final Map<String, Integer> warnings = new TreeMap<>();
    public final List<String> messages = new ArrayList<>();
    public String epssModel;

    @Override
    public void advisory(Advisory advisory) {
        advisories.add(advisory);
    }

    @Override
    public void kev(KevEntry entry) {
        kev.add(entry);
    }

    @Override
    public void epss(EpssScore score) {
        epss.add(score);
    }

    @Override
    public void epssModel(String modelVersion, String scoreDate) {
        epssModel = modelVersion + "|" + scoreDate;
    }

    @Override
    public void warn(String code, String message) {
        warnings.merge(code, 1, Integer::sum);
        messages.add(code + ": " + message);
    }

    public Advisory only() {
        if (advisories.size() != 1) {
            throw new AssertionError("expected one advisory, got " + advisories.size() + "; warnings " + messages);
        }
        return advisories.get(0);
    }
}
