/** The inventory model: packages, distro and layers found in one target. */
package dev.bulwark.engine.inventory;
