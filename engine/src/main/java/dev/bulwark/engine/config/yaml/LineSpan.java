package dev.bulwark.engine.config.yaml;

/** First and last line, 1-based, of a node in a YAML or JSON file. */
public record LineSpan(int start, int end) {

    public LineSpan {
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("bad line span " + start + "-" + end);
        }
    }
}
