/**
 * The ecosystems, one sub-package each, and the explicit list of their version schemes ({@link
 * dev.bulwark.engine.ecosystem.VersionSchemes}), kept here rather than in {@code version} so that the ecosystem
 * packages may depend on {@code version} without a package cycle.
 */
package dev.bulwark.engine.ecosystem;
