package dev.bulwark.engine.config.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Dockerfile} model as a tree of maps, lists, strings, numbers and booleans: the documented input that
 * policy rules (CEL) read as {@code dockerfile}. Field names match the record components.
 */
public final class DockerfileTree {
    private DockerfileTree() {
    }

    public static Map<String, Object> of(Dockerfile file) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", file.path());
        out.put("directives", new LinkedHashMap<>(file.directives()));
        out.put("escape", String.valueOf(file.escape()));
        out.put("globalArgs", instructions(file.globalArgs()));
        List<Object> stages = new ArrayList<>();
        for (Stage s : file.stages()) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("index", (long) s.index());
            stage.put("name", s.name());
            stage.put("from", instruction(s.from()));
            stage.put("baseImage", s.baseImage());
            stage.put("baseResolved", s.baseResolved());
            stage.put("baseStage", (long) s.baseStage());
            stage.put("instructions", instructions(s.instructions()));
            stages.add(stage);
        }
        out.put("stages", stages);
        return out;
    }

    private static List<Object> instructions(List<Instruction> list) {
        List<Object> out = new ArrayList<>();
        for (Instruction i : list) {
            out.add(instruction(i));
        }
        return out;
    }

    private static Map<String, Object> instruction(Instruction i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keyword", i.keyword());
        List<Object> flags = new ArrayList<>();
        for (Flag f : i.flags()) {
            Map<String, Object> flag = new LinkedHashMap<>();
            flag.put("name", f.name());
            flag.put("value", f.value());
            flags.add(flag);
        }
        out.put("flags", flags);
        out.put("args", new ArrayList<Object>(i.args()));
        out.put("execForm", i.execForm());
        out.put("text", i.text());
        List<Object> heredocs = new ArrayList<>();
        for (Heredoc h : i.heredocs()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("delimiter", h.delimiter());
            doc.put("body", h.body());
            doc.put("expand", h.expand());
            doc.put("stripTabs", h.stripTabs());
            heredocs.add(doc);
        }
        out.put("heredocs", heredocs);
        out.put("startLine", (long) i.startLine());
        out.put("endLine", (long) i.endLine());
        out.put("trigger", i.trigger() == null ? null : instruction(i.trigger()));
        return out;
    }
}
