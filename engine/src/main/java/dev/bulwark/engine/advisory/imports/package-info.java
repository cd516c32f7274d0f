/** Recognises what an advisory feed file or directory is and hands it to the matching importer. */
package dev.bulwark.engine.advisory.imports;
