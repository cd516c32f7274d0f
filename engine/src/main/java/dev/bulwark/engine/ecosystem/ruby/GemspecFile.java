package dev.bulwark.engine.ecosystem.ruby;

import dev.bulwark.engine.catalog.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of an installed gemspec, read as text, never evaluated: RubyGems writes installed specifications
 * ({@code Gem::Specification#to_ruby}) as simple assignments ({@code s.name = "rack".freeze}) and dependency calls
 * ({@code s.add_runtime_dependency(%q<rack>.freeze, [...])}), one per line, which this reads without running Ruby.
 */
record GemspecFile(String name, String version, List<String> licenses, List<String> runtimeDependencies) {
    static final int MAX_LINE = 256 << 10;
    private static final Pattern ASSIGN = Pattern.compile("^\\s*\\w+\\.(name|version|license|licenses)\\s*=\\s*(.*)$");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "^\\s*\\w+\\.add_(runtime_dependency|dependency|development_dependency)\\s*\\(?\\s*(%q<([^>]*)>|\"([^\"]*)\"|'([^']*)')");
    private static final Pattern STRING = Pattern.compile("%q\\{([^}]*)\\}|%q<([^>]*)>|\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'");
    private static final Pattern VERSION_NEW = Pattern.compile("Gem::Version\\.new\\(\\s*\"([^\"]*)\"");

    static GemspecFile parse(InputStream in) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE);
        String name = null;
        String version = null;
        List<String> licenses = new ArrayList<>();
        Set<String> runtime = new LinkedHashSet<>();
        Set<String> development = new LinkedHashSet<>();
        for (String line; (line = lines.readLine()) != null; ) {
            Matcher a = ASSIGN.matcher(line);
            if (a.matches()) {
                String value = a.group(2);
                switch (a.group(1)) {
                    case "name" -> name = first(value);
                    case "version" -> {
                        Matcher v = VERSION_NEW.matcher(value);
                        version = v.find() ? v.group(1) : first(value);
                    }
                    default -> licenses = all(value);
                }
                continue;
            }
            Matcher d = DEPENDENCY.matcher(line);
            if (d.find()) {
                String dep = d.group(3) != null ? d.group(3) : d.group(4) != null ? d.group(4) : d.group(5);
                (d.group(1).equals("development_dependency") ? development : runtime).add(dep);
            }
        }
        // The pre-1.9-RubyGems fallback branch repeats development dependencies as add_dependency.
        runtime.removeAll(development);
        return new GemspecFile(name, version, List.copyOf(licenses), List.copyOf(runtime));
    }

    private static String first(String value) {
        Matcher m = STRING.matcher(value);
        return m.find() ? literal(m) : null;
    }

    private static List<String> all(String value) {
        List<String> out = new ArrayList<>();
        Matcher m = STRING.matcher(value);
        while (m.find()) {
            out.add(literal(m));
        }
        return out;
    }

    private static String literal(Matcher m) {
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                return g == 3 ? m.group(g).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(g);
            }
        }
        return null;
    }
}
