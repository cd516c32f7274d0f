/** The advisory database: one file built atomically from imported feeds and read by memory mapping. */
package dev.bulwark.engine.advisory.store;
