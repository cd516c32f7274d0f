/**
 * Policy: CEL rules over one documented input model, exceptions and VEX that suppress findings, and the gate
 * decision ({@link dev.bulwark.engine.policy.PolicyEvaluator#evaluate}); see docs/policy.md.
 */
package dev.bulwark.engine.policy;
