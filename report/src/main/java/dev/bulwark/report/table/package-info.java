/** The aligned plain-text table for people reading a terminal. */
package dev.bulwark.report.table;
