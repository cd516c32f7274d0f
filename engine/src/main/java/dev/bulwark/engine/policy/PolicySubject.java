package dev.bulwark.engine.policy;

import dev.bulwark.engine.image.ImageConfig;
import java.util.Map;
import java.util.Objects;

/** Something rules are evaluated against, beside the assessment's findings: an image, a Kubernetes object, a file. */
public sealed interface PolicySubject {

    /** The scanned image, with its configuration when one was read (null for an SBOM or a directory). */
    record Image(ImageConfig config) implements PolicySubject {
    }

    /**
     * A Kubernetes object exactly as AdmissionReview's {@code request.object} carries it.
     *
     * @param path the manifest file, or {@code admission} at admission time
     * @param operation CREATE, UPDATE, DELETE or CONNECT; files are checked as CREATE
     * @param oldObject the object before an UPDATE, else null
     * @param namespaceObject the Namespace object the object is in, when known
     */
    record Kubernetes(String path, Map<String, Object> object, Map<String, Object> oldObject,
            Map<String, Object> namespaceObject, String operation) implements PolicySubject {
        public Kubernetes {
            Objects.requireNonNull(object, "object");
            operation = operation == null ? "CREATE" : operation;
        }
    }

    /** A parsed Dockerfile or Compose document; {@code kind} is {@code dockerfile} or {@code compose}. */
    record ConfigFile(String kind, String path, Map<String, Object> document) implements PolicySubject {
        public ConfigFile {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(document, "document");
        }
    }
}
