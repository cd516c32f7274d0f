/** SBOM documents (CycloneDX, SPDX) as an inventory source. */
package dev.bulwark.engine.source.sbom;
