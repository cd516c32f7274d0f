package dev.bulwark.engine.config.yaml;

import java.util.Map;

/**
 * One document of a YAML or JSON stream as a plain tree: {@code Map<String, Object>}, {@code List<Object>},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null.
 *
 * @param root the decoded document
 * @param startLine first line of the document, 1-based
 * @param endLine last line of the document, 1-based
 * @param origin the template the document was rendered from, from a Helm {@code # Source: chart/templates/x.yaml}
 *     comment before it, or null
 * @param spans the lines of every map and list in {@code root}, by identity
 */
public record YamlDocument(Object root, int startLine, int endLine, String origin, Map<Object, LineSpan> spans) {

    /** The lines of {@code node} (a map or list inside this document), or of the whole document when unknown. */
    public LineSpan linesOf(Object node) {
        LineSpan span = node == null ? null : spans.get(node);
        return span != null ? span : new LineSpan(startLine, endLine);
    }
}
