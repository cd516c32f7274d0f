package dev.bulwark.engine.hardening;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.source.registry.ImageReference;
import java.util.ArrayList;
import java.util.List;

/** Runs every {@link HardeningCheck} on one image: configuration, history, reference, files and base image. */
public final class HardeningChecks {
    private HardeningChecks() {
    }

    public static HardeningResult run(HardeningInput input) {
        List<Misconfiguration> out = new ArrayList<>();
        ConfigChecks.run(input.config(), out);
        HistoryChecks.run(input.config(), out);
        reference(input.reference(), out);
        FileChecks.run(input.notables(), input.inventory(), out);
        BaseDetection base = input.golden().detect(input.config().diffIds());
        if (base instanceof BaseDetection.Unapproved u) {
            out.add(HardeningCheck.UNAPPROVED_BASE.finding("the image's layers start with none of the " + u.candidates()
                    + " approved golden base images", Location.file("config:rootfs")));
        }
        return new HardeningResult(out, base);
    }

    /** A reference without a digest can point at other content tomorrow; {@code latest} most of all. */
    static void reference(String reference, List<Misconfiguration> out) {
        if (reference == null || reference.isBlank()) {
            return;
        }
        ImageReference ref;
        try {
            ref = ImageReference.parse(reference.strip());
        } catch (BulwarkException | IllegalArgumentException e) {
            return; // not a registry reference (an archive path): tags do not apply
        }
        if (ref.digest() != null) {
            return;
        }
        boolean latest = ref.tag().equals("latest");
        String message = latest && !reference.contains(":" + ref.tag())
                ? reference + " names no tag, so it means the mutable tag latest"
                : reference + " uses the mutable tag " + ref.tag() + " without a digest";
        out.add(HardeningCheck.MUTABLE_TAG.finding(latest ? Severity.MEDIUM : Severity.LOW, message,
                Location.file("reference").withResource(reference)));
    }
}
