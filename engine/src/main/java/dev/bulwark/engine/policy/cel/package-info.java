/**
 * A bounded, type-less interpreter for the subset of the Common Expression Language (CEL) that policies use, with
 * CEL's semantics for errors, numbers, macros and timestamps (see docs/adr/007-cel-policies.md).
 */
package dev.bulwark.engine.policy.cel;
