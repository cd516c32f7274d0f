/** Imports OSV JSON advisories from a file, a directory tree or a zip such as OSV's per-ecosystem all.zip. */
package dev.bulwark.engine.advisory.osv;
