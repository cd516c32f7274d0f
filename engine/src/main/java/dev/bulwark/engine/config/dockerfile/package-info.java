/**
 * Dockerfile parsing (directives, continuations, heredocs, BuildKit variable expansion, stages) into a plain data
 * model, and the built-in best-practice checks over that model.
 */
package dev.bulwark.engine.config.dockerfile;
