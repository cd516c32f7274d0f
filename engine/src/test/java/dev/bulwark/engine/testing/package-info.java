/** Shared test fixtures: real images and tools, built once and cached outside the checkout. */
package dev.bulwark.engine.testing;
