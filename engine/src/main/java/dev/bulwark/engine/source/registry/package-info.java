/**
 * Pulls images from OCI/Docker registries over HTTPS: references, authentication, TLS trust, retries, blob streaming.
 */
package dev.bulwark.engine.source.registry;
