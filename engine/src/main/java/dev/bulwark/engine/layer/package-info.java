/** Streaming layer reading: tar parsing, decompression, whiteouts and the per-layer facts catalogers produce. */
package dev.bulwark.engine.layer;
