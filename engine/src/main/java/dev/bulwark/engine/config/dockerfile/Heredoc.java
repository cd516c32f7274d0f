package dev.bulwark.engine.config.dockerfile;

import java.util.Objects;

/**
 * A here-document attached to a RUN, COPY or ADD instruction ({@code <<EOF ... EOF}).
 *
 * @param delimiter the word that ends the document, without quotes
 * @param body the lines between the instruction and the delimiter, each ending in a newline; leading tabs already
 *     removed for {@code <<-}
 * @param expand false when the delimiter was quoted, which turns variable expansion off
 * @param stripTabs true for the {@code <<-} form
 */
public record Heredoc(String delimiter, String body, boolean expand, boolean stripTabs) {
    public Heredoc {
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(body, "body");
    }
}
