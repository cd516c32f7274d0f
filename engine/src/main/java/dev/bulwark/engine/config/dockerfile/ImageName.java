package dev.bulwark.engine.config.dockerfile;

import java.util.Optional;

/**
 * The tag and digest of a FROM image reference, split the way registries read it ({@code host:port/repo:tag@digest}).
 *
 * @param tag the tag, or null
 * @param digest the digest, or null
 */
record ImageName(String repository, String tag, String digest) {

    /** The base image of a stage, or empty for scratch, earlier stages and bases that name unset variables. */
    static Optional<ImageName> of(Stage stage) {
        if (stage.baseStage() >= 0 || stage.fromScratch() || !stage.baseResolved() || stage.baseImage().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(stage.baseImage()));
    }

    static ImageName parse(String reference) {
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageName(rest, tag, digest);
    }
}
