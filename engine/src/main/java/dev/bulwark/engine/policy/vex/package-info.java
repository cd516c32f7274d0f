/** VEX input (OpenVEX and CycloneDX VEX): statements that a vulnerability does not affect a product. */
package dev.bulwark.engine.policy.vex;
