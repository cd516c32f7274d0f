/** Report writers that turn an engine inventory into a document for people or tools, one writer per format. */
package dev.bulwark.report;
