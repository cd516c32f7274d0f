/** Go modules: the build information the Go toolchain embeds in ELF binaries, and {@code go.mod} in projects. */
package dev.bulwark.engine.ecosystem.golang;
