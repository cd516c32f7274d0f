package dev.bulwark.engine.image;

/** What a manifest endpoint or an index.json entry can hold: a single-platform manifest or an index. */
public sealed interface ManifestDocument permits ImageManifest, ImageIndex {
    String mediaType();
}
