package dev.bulwark.engine.hardening;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.ImageConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on what the image history records: build arguments that hold secrets, and {@code ADD} of remote URLs.
 * BuildKit keeps the instruction as written ({@code ADD https://host/f /dst # buildkit}); buildah records
 * {@code #(nop) ADD <sha256> in /dst}, where local sources are always prefixed {@code file:}, {@code dir:} or
 * {@code multi:} and a bare hash means the source was a URL.
 */
final class HistoryChecks {
    private static final Pattern ADD = Pattern.compile("(?:^|#\\(nop\\)\\s+)ADD\\s+(.*)", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s\"']+");
    private static final Pattern BUILDAH_URL = Pattern.compile("[0-9a-f]{64} in \\S.*", Pattern.DOTALL);
    private static final Pattern USERINFO = Pattern.compile("(?i)(://[^/@\\s:]+:)[^/@\\s]+@");
    /** The longest created_by read: a RUN line can be long, but never megabytes. */
    private static final int MAX_LINE = 64 << 10;

    private HistoryChecks() {
    }

    static void run(ImageConfig config, List<Misconfiguration> out) {
        Set<String> reported = new HashSet<>();
        int layer = 0;
        List<ImageConfig.History> history = config.history();
        for (int i = 0; i < history.size(); i++) {
            ImageConfig.History h = history.get(i);
            String line = h.createdBy() == null ? "" : h.createdBy();
            if (line.length() > MAX_LINE) {
                line = line.substring(0, MAX_LINE);
            }
            Location where = Location.file("config:History").withResource("history[" + i + "]");
            if (!h.emptyLayer() && layer < config.diffIds().size()) {
                Digest d = config.diffIds().get(layer);
                where = where.withLayer(d.algorithm() + ":" + d.hex());
            }
            for (Map.Entry<String, String> arg : BuildArgs.parse(line).entrySet()) {
                if (SecretValues.isLiteralSecret(arg.getKey(), arg.getValue())
                        && reported.add(arg.getKey() + "=" + arg.getValue())) {
                    out.add(HardeningCheck.SECRET_IN_BUILD_ARG.finding("build argument " + arg.getKey()
                            + " (" + SecretValues.mask(arg.getValue()) + ") is recorded in the history of a RUN step",
                            where));
                }
            }
            remoteAdd(line, where, out);
            if (!h.emptyLayer()) {
                layer++;
            }
        }
    }

    private static void remoteAdd(String line, Location where, List<Misconfiguration> out) {
        Matcher add = ADD.matcher(line.strip());
        if (!add.find()) {
            return;
        }
        String args = add.group(1);
        if (args.contains("--checksum=")) {
            return; // the download is verified against a pinned digest
        }
        Matcher url = URL.matcher(args);
        if (url.find()) {
            String shown = USERINFO.matcher(url.group()).replaceAll("$1********@");
            out.add(HardeningCheck.ADD_REMOTE_URL.finding("ADD downloads " + shown + " without a checksum", where));
        } else if (BUILDAH_URL.matcher(args).matches()) {
            out.add(HardeningCheck.ADD_REMOTE_URL.finding("ADD of a remote URL (the builder recorded only its content"
                    + " hash " + args.substring(0, 12) + "...) without a checksum", where));
        }
    }
}
