/**
 * Matching: decides which advisories affect which installed packages, with each ecosystem's naming and version rules,
 * and turns the matches into findings that carry their evidence. Matchers ask an {@link AdvisoryLookup} for what to
 * compare; they never touch storage.
 */
package dev.bulwark.engine.match;
