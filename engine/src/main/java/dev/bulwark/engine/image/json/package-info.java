/** Translators from registry and archive wire JSON to the image model; all input here is untrusted. */
package dev.bulwark.engine.image.json;
