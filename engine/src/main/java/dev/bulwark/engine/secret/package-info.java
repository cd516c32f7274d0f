/** Finds credentials in files and image configuration with keyword-prefiltered rules, and masks what it finds. */
package dev.bulwark.engine.secret;
