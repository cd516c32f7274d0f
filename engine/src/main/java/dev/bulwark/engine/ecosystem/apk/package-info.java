/** Alpine packages read from apk's installed-package database, {@code lib/apk/db/installed}. */
package dev.bulwark.engine.ecosystem.apk;
