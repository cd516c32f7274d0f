/**
 * RPM packages read from the rpm database in its SQLite, Berkeley DB hash and NDB formats, without JDBC or native code.
 */
package dev.bulwark.engine.ecosystem.rpm;
