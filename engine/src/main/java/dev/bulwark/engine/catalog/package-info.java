/** The Cataloger extension point and the per-file input catalogers read. */
package dev.bulwark.engine.catalog;
