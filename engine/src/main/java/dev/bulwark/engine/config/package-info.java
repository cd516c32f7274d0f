/** Configuration checks: Dockerfiles, Kubernetes manifests and Compose files. */
package dev.bulwark.engine.config;
