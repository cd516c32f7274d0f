/** Scan orchestration: layers in parallel, the cache, assembly of the inventory. */
package dev.bulwark.engine.scan;
