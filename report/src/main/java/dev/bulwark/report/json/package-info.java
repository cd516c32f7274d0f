/** Bulwark's own versioned JSON inventory format (schema in dev/bulwark/report/bulwark-inventory-1.0.schema.json). */
package dev.bulwark.report.json;
