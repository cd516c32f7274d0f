/** The {@code html} format: one self-contained page a person can read, share and archive. */
package dev.bulwark.report.html;
