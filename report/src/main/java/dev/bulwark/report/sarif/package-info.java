/** The {@code sarif} format: SARIF 2.1.0 as GitHub code scanning and other CI systems ingest it. */
package dev.bulwark.report.sarif;
