package dev.bulwark.engine.config.dockerfile;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.catalog.WarningSink;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a Dockerfile into the {@link Dockerfile} model with BuildKit's scoping: ARGs before the first FROM are
 * seen only by FROM lines (and by an in-stage {@code ARG NAME} that takes over their default); ARG and ENV inside a
 * stage are seen from their line on; ENV wins over an ARG of the same name; a stage built on an earlier stage
 * inherits that stage's ENV but not its ARGs. Input over the size or line limits, binary input, bad parser
 * directives and unterminated heredocs fail with one line; anything else odd becomes a counted warning.
 */
public final class DockerfileParser {
    /** The largest Dockerfile accepted. Real ones are a few kilobytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** The most source lines accepted. */
    public static final int MAX_LINES = 100_000;
    /** The most variables copied into stages from the stages they build on, over the whole file. */
    static final int MAX_INHERITED = 200_000;

    private final WarningSink warnings;

    public DockerfileParser(WarningSink warnings) {
        this.warnings = warnings;
    }

    /** Parses {@code content}, naming it {@code path} in errors, warnings and the model. */
    public Dockerfile parse(String path, byte[] content) {
        String text = decode(path, content);
        SourceLines source = new SourceLines(path, text, warnings);
        List<SourceLines.Logical> lines = source.read();
        WordExpander expander = new WordExpander(source.escape());
        InstructionParser parser = new InstructionParser(path, expander, warnings);
        return new Scope(path, parser, expander).build(source, lines);
    }

    private static String decode(String path, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, "Dockerfile " + path + " is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MiB; that is no Dockerfile");
        }
        int newlines = 0;
        for (byte b : content) {
            if (b == 0) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, "Dockerfile " + path
                        + " holds NUL bytes: it is a binary file, not a Dockerfile");
            }
            if (b == '\n' && ++newlines >= MAX_LINES) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, "Dockerfile " + path + " has more than "
                        + MAX_LINES + " lines");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, "Dockerfile " + path + " is not UTF-8 text");
        }
    }

    /** The variable scopes while walking the file top to bottom. */
    private final class Scope {
        private final String path;
        private final InstructionParser parser;
        private final WordExpander expander;
        private final Map<String, String> global = new HashMap<>();
        private final List<Instruction> globalArgs = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();
        private final List<Map<String, String>> stageEnvs = new ArrayList<>();
        private final Map<String, Integer> stageIndex = new HashMap<>();
        private long inherited;
        private Map<String, String> vars;
        private Set<String> envNames;
        private Instruction from;
        private String stageName;
        private String base;
        private boolean baseResolved;
        private int baseStage;
        private List<Instruction> body;

        Scope(String path, InstructionParser parser, WordExpander expander) {
            this.path = path;
            this.parser = parser;
            this.expander = expander;
        }

        Dockerfile build(SourceLines source, List<SourceLines.Logical> lines) {
            for (SourceLines.Logical line : lines) {
                String keyword = line.text().split("[ \\t]", 2)[0].toUpperCase(Locale.ROOT);
                if (keyword.equals("FROM")) {
                    endStage();
                    startStage(parser.parse(line, global));
                } else if (from == null) {
                    Instruction instruction = parser.parse(line, global);
                    if (instruction.is("ARG")) {
                        declareArgs(instruction, global, null);
                        globalArgs.add(instruction);
                    } else {
                        warnings.warn("dockerfile-before-from", "Dockerfile " + path + ":" + line.startLine() + ": "
                                + keyword + " before the first FROM is ignored");
                    }
                } else {
                    Instruction instruction = parser.parse(line, vars);
                    body.add(instruction);
                    if (instruction.is("ARG")) {
                        declareArgs(instruction, vars, global);
                    } else if (instruction.is("ENV")) {
                        for (String pair : instruction.args()) {
                            int eq = pair.indexOf('=');
                            vars.put(pair.substring(0, eq), pair.substring(eq + 1));
                            envNames.add(pair.substring(0, eq));
                        }
                    }
                }
            }
            endStage();
            return new Dockerfile(path, source.directives(), source.escape(), globalArgs, stages);
        }

        private void startStage(Instruction fromLine) {
            from = fromLine;
            body = new ArrayList<>();
            vars = new HashMap<>();
            envNames = new HashSet<>();
            List<String> args = fromLine.args();
            String raw = fromLine.text();
            base = args.isEmpty() ? "" : args.get(0);
            baseResolved = !args.isEmpty() && (raw.indexOf('$') < 0 || !unresolvedBase(fromLine));
            stageName = null;
            if (args.size() == 3 && args.get(1).equalsIgnoreCase("AS")) {
                stageName = args.get(2).toLowerCase(Locale.ROOT);
            } else if (args.size() != 1) {
                warnings.warn("dockerfile-bad-from", "Dockerfile " + path + ":" + fromLine.startLine()
                        + ": FROM takes an image and an optional 'AS name'");
            }
            baseStage = stageIndex.getOrDefault(base.toLowerCase(Locale.ROOT), -1);
            if (baseStage >= 0) {
                inherited += stageEnvs.get(baseStage).size();
                if (inherited > MAX_INHERITED) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, "Dockerfile " + path + ":"
                            + fromLine.startLine() + ": stages inherit more than " + MAX_INHERITED + " variables");
                }
                vars.putAll(stageEnvs.get(baseStage));
                envNames.addAll(stageEnvs.get(baseStage).keySet());
            }
        }

        private boolean unresolvedBase(Instruction fromLine) {
            String first = expander.split(fromLine.text()).stream().filter(w -> !w.startsWith("--")).findFirst()
                    .orElse("");
            try {
                return expander.expand(first, global).unresolved();
            } catch (WordExpander.ExpansionException e) {
                return true;
            }
        }

        private void endStage() {
            if (from == null) {
                return;
            }
            Map<String, String> env = new HashMap<>();
            for (String name : envNames) {
                env.put(name, vars.get(name));
            }
            stageEnvs.add(env);
            if (stageName != null) {
                stageIndex.put(stageName, stages.size());
            }
            stages.add(new Stage(stages.size(), stageName, from, base, baseResolved, baseStage, body));
        }

        /** ARG name[=default]...: in a stage, a bare name takes over the default declared before FROM. */
        private void declareArgs(Instruction arg, Map<String, String> scope, Map<String, String> outer) {
            for (String word : arg.args()) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word : word.substring(0, eq);
                if (envNames != null && scope == vars && envNames.contains(name)) {
                    continue;
                }
                if (eq >= 0) {
                    scope.put(name, word.substring(eq + 1));
                } else if (outer != null && outer.containsKey(name)) {
                    scope.put(name, outer.get(name));
                }
            }
        }
    }
}
