/** Debian packages: the dpkg status database (including distroless status.d) and copyright licenses. */
package dev.bulwark.engine.ecosystem.dpkg;
