package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.catalog.WarningSink;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the direct dependencies a Maven {@code pom.xml} declares with an explicit version, resolving
 * {@code ${name}} from the same pom's {@code <properties>} and its own or its parent's coordinates. Versions that
 * need anything else (a parent's dependencyManagement, a property of another pom, a range) are skipped with a
 * warning: they are not knowable from this file. DTDs and external entities are disabled.
 */
final class PomXmlParser {
    static final int MAX_DEPTH = 64;
    static final int MAX_DEPENDENCIES = 10_000;
    private static final int MAX_SUBSTITUTIONS = 16;

    /** One declared dependency; {@code scope} is null when the pom names none (compile). */
    record Declared(MavenCoordinates coordinates, String scope) {
    }

    private PomXmlParser() {
    }

    static List<Declared> parse(byte[] xml, String path, WarningSink warnings) {
        Map<String, String> properties = new HashMap<>();
        List<Map<String, String>> raw = new ArrayList<>();
        try {
            XMLStreamReader r = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            List<String> stack = new ArrayList<>();
            Map<String, String> dependency = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("a DOCTYPE or entity reference, which no pom needs");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (stack.size() == MAX_DEPTH) {
                        throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH);
                    }
                    stack.add(r.getLocalName());
                    text.setLength(0);
                    if (is(stack, "project", "dependencies", "dependency")) {
                        dependency = new HashMap<>();
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (text.length() < 4096) {
                        text.append(r.getText(), 0, Math.min(r.getTextLength(), 4096 - text.length()));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String value = text.toString().strip();
                    String name = stack.get(stack.size() - 1);
                    if (dependency != null && stack.size() == 4 && is(stack.subList(0, 3), "project", "dependencies",
                            "dependency")) {
                        dependency.put(name, value);
                    } else if (stack.size() == 3 && stack.get(0).equals("project")
                            && stack.get(1).equals("properties")) {
                        properties.put(name, value);
                    } else if (stack.size() == 2 && stack.get(0).equals("project")) {
                        properties.put("project." + name, value);
                    } else if (stack.size() == 3 && is(stack.subList(0, 2), "project", "parent")) {
                        properties.put("project.parent." + name, value);
                    }
                    if (is(stack, "project", "dependencies", "dependency")) {
                        if (raw.size() == MAX_DEPENDENCIES) {
                            warnings.warn("java.pom-too-large", path + ": more than " + MAX_DEPENDENCIES
                                    + " dependencies; the rest is not read");
                            break;
                        }
                        raw.add(dependency);
                        dependency = null;
                    }
                    stack.remove(stack.size() - 1);
                    text.setLength(0);
                }
            }
            r.close();
        } catch (XMLStreamException | RuntimeException e) {
            warnings.warn("java.malformed-pom", path + ": " + ArchiveWalker.oneLine(e));
            return List.of();
        }
        inheritFromParent(properties);
        List<Declared> declared = new ArrayList<>();
        for (Map<String, String> d : raw) {
            Declared one = resolve(d, properties, path, warnings);
            if (one != null) {
                declared.add(one);
            }
        }
        return declared;
    }

    private static Declared resolve(Map<String, String> d, Map<String, String> properties, String path,
            WarningSink warnings) {
        String group = substitute(d.get("groupId"), properties);
        String artifact = substitute(d.get("artifactId"), properties);
        String declaredVersion = d.get("version");
        String what = path + ": " + d.getOrDefault("groupId", "?") + ":" + d.getOrDefault("artifactId", "?");
        if (declaredVersion == null || declaredVersion.isEmpty()) {
            return null; // managed by a parent or a BOM: not knowable from this file, and normal
        }
        String version = substitute(declaredVersion, properties);
        if (version == null) {
            warnings.warn("java.pom-unresolved-version", what + ": version " + declaredVersion
                    + " names a property this pom does not define");
            return null;
        }
        if (version.startsWith("[") || version.startsWith("(")) {
            warnings.warn("java.pom-version-range", what + ": version range " + version + " is not a version");
            return null;
        }
        if (!MavenCoordinates.usable(group) || !MavenCoordinates.usable(artifact)
                || !MavenCoordinates.usable(version)) {
            warnings.warn("java.pom-incomplete-dependency", what + ": no usable groupId, artifactId and version");
            return null;
        }
        String scope = d.get("scope");
        return new Declared(new MavenCoordinates(group, artifact, version),
                scope == null || scope.isEmpty() ? null : scope);
    }

    /** A child pom without its own groupId or version takes its parent's. */
    private static void inheritFromParent(Map<String, String> properties) {
        properties.putIfAbsent("project.groupId", properties.get("project.parent.groupId"));
        properties.putIfAbsent("project.version", properties.get("project.parent.version"));
        properties.values().removeIf(v -> v == null);
        for (String key : List.of("groupId", "version", "artifactId")) {
            if (properties.containsKey("project." + key)) {
                properties.putIfAbsent("pom." + key, properties.get("project." + key));
            }
        }
    }

    /** {@code value} with every {@code ${name}} replaced, or null when a name is not defined here. */
    static String substitute(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String current = value;
        for (int round = 0; round < MAX_SUBSTITUTIONS && current.contains("${"); round++) {
            int start = current.indexOf("${");
            int end = current.indexOf('}', start);
            if (end < 0) {
                return null;
            }
            String replacement = properties.get(current.substring(start + 2, end));
            if (replacement == null || current.length() + replacement.length() > 4096) {
                return null;
            }
            current = current.substring(0, start) + replacement + current.substring(end + 1);
        }
        return current.contains("${") ? null : current;
    }

    private static boolean is(List<String> stack, String... names) {
        return stack.equals(List.of(names));
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }
}
