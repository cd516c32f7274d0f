/** CycloneDX 1.6 JSON software bills of materials. */
package dev.bulwark.report.cyclonedx;
