/** The advisory model shared by importers, the advisory database and matchers: advisories, affected packages, ranges. */
package dev.bulwark.engine.advisory;
