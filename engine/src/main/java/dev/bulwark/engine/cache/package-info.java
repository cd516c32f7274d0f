/** The on-disk layer cache keyed by diffID and reader versions. */
package dev.bulwark.engine.cache;
