/** Policy rules: their YAML bundle format, loading with precise errors, and evaluation against one input. */
package dev.bulwark.engine.policy.rule;
