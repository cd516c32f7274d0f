/** The Bulwark engine: turns a target into an inventory. Imports no CLI, HTTP-server or JDBC code. */
package dev.bulwark.engine;
