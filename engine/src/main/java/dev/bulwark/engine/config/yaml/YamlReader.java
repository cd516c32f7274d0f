package dev.bulwark.engine.config.yaml;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a multi-document YAML (or JSON) stream into {@link YamlDocument}s with line numbers. Safe on hostile input:
 * alias bombs, oversized documents, deep nesting, endless streams and binary files end in a warning naming the limit,
 * never in a hang or an unbounded allocation.
 */
public final class YamlReader {

    /**
     * The safety limits.
     *
     * @param maxBytes largest file read at all
     * @param maxDocuments documents read from one stream; the rest are skipped with a warning
     * @param maxNodes maps, lists and scalars built from one stream, after alias expansion
     * @param maxDepth deepest nesting of maps and lists
     * @param maxAliases aliases to collections in one document (the alias-bomb guard of the parser)
     */
    public record Limits(long maxBytes, int maxDocuments, int maxNodes, int maxDepth, int maxAliases) {

        /** Generous for real manifests (CRDs with deep schemas, thousand-object renders), small for attacks. */
        public static final Limits DEFAULT = new Limits(32L << 20, 10_000, 2_000_000, 100, 100);
    }

    private static final Pattern HELM_SOURCE = Pattern.compile("^#\\s*Source:\\s*(\\S.*?)\\s*$");

    private final Limits limits;

    public YamlReader() {
        this(Limits.DEFAULT);
    }

    public YamlReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads {@code bytes} of the file {@code name} (used in warnings). */
    public YamlStream read(String name, byte[] bytes) {
        List<YamlDocument> documents = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (bytes.length > limits.maxBytes()) {
            warnings.add(name + ": " + bytes.length + " bytes is over the limit of " + limits.maxBytes()
                    + " bytes for a YAML file; skipped");
            return new YamlStream(documents, warnings);
        }
        String text = decode(bytes);
        List<int[]> sourceLines = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        findHelmSources(text, sourceLines, sources);

        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        options.setAllowDuplicateKeys(true);
        NodeConverter converter = new NodeConverter(limits.maxNodes(), limits.maxDepth());
        int previousEnd = 0;
        try {
            Iterator<Node> nodes = new Yaml(options).composeAll(new StringReader(text)).iterator();
            while (nodes.hasNext()) {
                Node node = nodes.next();
                if (node == null) {
                    continue;
                }
                if (documents.size() >= limits.maxDocuments()) {
                    warnings.add(name + ": more than " + limits.maxDocuments()
                            + " YAML documents; the rest are skipped");
                    break;
                }
                Map<Object, LineSpan> spans = new IdentityHashMap<>();
                Object root = converter.convert(node, spans);
                int start = node.getStartMark().getLine() + 1;
                int end = endLine(node.getEndMark(), start);
                documents.add(new YamlDocument(root, start, end, originFor(start, previousEnd, sourceLines, sources),
                        spans));
                previousEnd = end;
            }
        } catch (YAMLException e) {
            warnings.add(name + ": " + oneLine(e));
        } catch (NodeConverter.TooBig e) {
            warnings.add(name + ": " + e.getMessage() + "; the rest of the file is skipped");
        } catch (StackOverflowError e) {
            warnings.add(name + ": YAML nested too deeply to read; skipped");
        }
        return new YamlStream(documents, warnings);
    }

    static int endLine(Mark end, int start) {
        // The end mark points just past the node: at column 0 of the next line when the node ended with a newline.
        int line = end.getColumn() == 0 ? end.getLine() : end.getLine() + 1;
        return Math.max(start, line);
    }

    private static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            // JSON allows tabs between tokens where YAML does not; a valid JSON string never holds a raw tab.
            text = text.replace('\t', ' ');
        }
        return text;
    }

    private static void findHelmSources(String text, List<int[]> lines, List<String> sources) {
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.startsWith("#")) {
                Matcher m = HELM_SOURCE.matcher(line);
                if (m.matches()) {
                    lines.add(new int[] {lineNo});
                    sources.add(m.group(1));
                }
            }
        }
    }

    private static String originFor(int start, int previousEnd, List<int[]> lines, List<String> sources) {
        String origin = null;
        for (int i = 0; i < lines.size(); i++) {
            int line = lines.get(i)[0];
            if (line > previousEnd && line <= start) {
                origin = sources.get(i);
            }
        }
        return origin;
    }

    private static String oneLine(YAMLException e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return "not valid YAML (" + message + "); the rest of the file is skipped";
    }
}
