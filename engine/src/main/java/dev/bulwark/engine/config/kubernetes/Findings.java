package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.config.yaml.LineSpan;
import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;

/** Turns a check's verdict on an object into a finding located at the file, lines and resource. */
final class Findings {

    private Findings() {
    }

    static Misconfiguration of(CheckDescription check, KubernetesObject object, ContainerView container, Object node,
            String message) {
        LineSpan lines = object.linesOf(node);
        StringBuilder resource = new StringBuilder(object.resource());
        if (container != null) {
            resource.append(" (container ").append(container.name()).append(')');
        }
        if (object.origin() != null) {
            resource.append(" [from ").append(object.origin()).append(']');
        }
        Location location = new Location(object.file(), lines.start(), lines.end(), null, resource.toString());
        return new Misconfiguration(check.id(), check.title(), check.severity(),
                object.resource() + ": " + message, check.remediation(), location, check.references());
    }
}
