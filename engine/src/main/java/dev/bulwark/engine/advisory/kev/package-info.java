/** Imports CISA's Known Exploited Vulnerabilities catalog JSON. */
package dev.bulwark.engine.advisory.kev;
