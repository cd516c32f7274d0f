/** CVSS v2, v3.0, v3.1 and v4.0 vector strings: strict parsing, FIRST scoring and qualitative severity. */
package dev.bulwark.engine.advisory.cvss;
