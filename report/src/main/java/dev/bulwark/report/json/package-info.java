/** Bulwark's own versioned JSON inventory format (schema in dev/bulwark/report/bulwark-report-1.schema.json). */
package dev.bulwark.report.json;
