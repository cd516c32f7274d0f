/** Images read from a local Docker or Podman engine over its Docker-compatible REST API on a unix socket. */
package dev.bulwark.engine.source.daemon;
