package dev.bulwark.engine.config.kubernetes;

/**
 * One place where a pod breaks a control.
 *
 * @param container the container at fault, or null for a pod-level field
 * @param node the map or list holding the offending value, for line numbers, or null
 * @param message what is wrong, naming the field and its value
 */
record Violation(ContainerView container, Object node, String message) {
}
