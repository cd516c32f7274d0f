/** JavaScript packages: installed {@code node_modules} packages and npm, Yarn and pnpm lockfiles. */
package dev.bulwark.engine.ecosystem.npm;
