/**
 * Getting advisory data onto this machine: the public feeds (OSV, Debian tracker, Alpine secdb, CISA KEV, EPSS)
 * downloaded with conditional requests from their hosts or a mirror, and a built database distributed as an OCI
 * artifact through any registry.
 */
package dev.bulwark.engine.advisory.feed;
