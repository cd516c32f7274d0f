package dev.bulwark.engine.secret;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.image.ImageConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Secrets in an image's configuration: each ENV entry and label is scanned as one line of an environment file (so
 * the rules for {@code KEY=value} configuration apply), each history {@code created_by} as a line of a build script.
 * Findings name {@code config:Env}, {@code config:Label} or {@code config:History[i]} (i indexes the whole history,
 * empty layers included) with the variable or label name as the resource.
 */
public final class ImageConfigSecrets {
    /** The path rules see for ENV values and labels: an environment file. */
    static final String ENV_FILE = ".env";
    private static final String SCRIPT = "created_by";
    /** The location path of a finding in history entry {@code i} is this, then {@code i]}. */
    private static final String HISTORY = "config:History[";

    private final SecretScanner scanner;

    public ImageConfigSecrets(SecretScanner scanner) {
        this.scanner = scanner;
    }

    public List<SecretFinding> scan(ImageConfig config) {
        List<SecretFinding> out = new ArrayList<>();
        for (String env : config.env()) {
            int eq = env.indexOf('=');
            String name = eq < 0 ? env : env.substring(0, eq);
            scanLine(env, ENV_FILE, "config:Env", name, out);
        }
        for (Map.Entry<String, String> label : new java.util.TreeMap<>(config.labels()).entrySet()) {
            scanLine(label.getKey() + "=" + label.getValue(), ENV_FILE, "config:Label", label.getKey(), out);
        }
        List<ImageConfig.History> history = config.history();
        for (int i = 0; i < history.size(); i++) {
            String createdBy = history.get(i).createdBy();
            if (createdBy != null) {
                scanLine(createdBy, SCRIPT, HISTORY + i + "]", null, out);
            }
        }
        return out;
    }

    /** The history entry a finding of {@link #scan} was found in, or -1 when it is not in the history. */
    public static int historyIndex(SecretFinding finding) {
        String path = finding.location().path();
        if (!path.startsWith(HISTORY) || !path.endsWith("]")) {
            return -1;
        }
        try {
            return Integer.parseInt(path, HISTORY.length(), path.length() - 1, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void scanLine(String text, String rulePath, String where, String resource, List<SecretFinding> out) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (SecretFinding f : scanner.scan(rulePath, bytes).findings()) {
            Location at = new Location(where, 0, 0, null, resource); // one line each: lines do not apply
            out.add(new SecretFinding(f.ruleId(), f.title(), f.severity(), at, f.masked(), false));
        }
    }
}
