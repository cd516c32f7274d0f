package dev.bulwark.engine.hardening;

/** What the base-image detection concluded, for reports. */
public sealed interface BaseDetection {

    /** No golden base images are configured: nothing was decided. */
    record NotConfigured() implements BaseDetection {
    }

    /**
     * The image starts with this approved base.
     *
     * @param layers how many of the image's layers the base accounts for
     */
    record Approved(String name, String reference, int layers) implements BaseDetection {
    }

    /**
     * No approved base matches.
     *
     * @param candidates how many golden bases were compared
     */
    record Unapproved(int candidates) implements BaseDetection {
    }
}
