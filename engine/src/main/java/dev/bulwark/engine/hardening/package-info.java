/**
 * Image hardening: notable files (setuid, world-writable, shells, package managers, compilers, debug tools) found
 * while layers stream by, checks over the image configuration and reference, and golden base-image detection.
 */
package dev.bulwark.engine.hardening;
