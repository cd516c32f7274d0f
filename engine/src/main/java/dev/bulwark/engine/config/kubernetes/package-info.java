/**
 * Kubernetes manifest checks. The input model is the Kubernetes object itself, a Map/List tree exactly as decoded
 * from YAML or JSON (the same tree an AdmissionReview carries as {@code request.object}), so the built-in checks here
 * and user CEL rules read the same fields and can later run unchanged at admission.
 */
package dev.bulwark.engine.config.kubernetes;
