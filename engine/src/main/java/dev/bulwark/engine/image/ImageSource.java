package dev.bulwark.engine.image;

/**
 * Where an image comes from: a registry, an archive file, an OCI layout or a container engine. Adding a source is
 * one class implementing this; the scanner does not care which one it got.
 */
public interface ImageSource {
    /** Opens the image, reading manifest and config but no layer blob. */
    Image open();

    /** A short description for progress output, e.g. {@code registry localhost:5000/app:1}. */
    String describe();
}
