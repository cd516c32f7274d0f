/** The {@code junit} format: JUnit XML, so CI systems show findings as failed tests. */
package dev.bulwark.report.junit;
