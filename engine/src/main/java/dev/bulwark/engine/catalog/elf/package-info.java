/** A bounded ELF reader shared by the catalogers of compiled languages (Go, Rust): headers, sections, notes. */
package dev.bulwark.engine.catalog.elf;
