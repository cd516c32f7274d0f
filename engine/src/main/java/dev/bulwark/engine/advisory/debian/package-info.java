/** Imports the Debian Security Tracker's JSON export (per source package, per CVE, per release status). */
package dev.bulwark.engine.advisory.debian;
