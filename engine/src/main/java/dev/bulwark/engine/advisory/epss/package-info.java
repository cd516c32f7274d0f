/** Imports FIRST's EPSS score CSV, plain or gzipped. */
package dev.bulwark.engine.advisory.epss;
