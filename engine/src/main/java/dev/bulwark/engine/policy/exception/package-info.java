/** The exceptions file: scoped, justified, owned and expiring suppressions of findings. */
package dev.bulwark.engine.policy.exception;
