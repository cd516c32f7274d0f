/** Rust crates: the cargo-auditable dependency list embedded in ELF binaries, and {@code Cargo.lock}. */
package dev.bulwark.engine.ecosystem.rust;
