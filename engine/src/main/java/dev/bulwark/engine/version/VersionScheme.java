package dev.bulwark.engine.version;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One ecosystem's rules for reading and ordering versions. Parsing never throws: a text the scheme rejects gives an
 * empty result, so a matcher can skip it and count a warning. Comparing two texts is {@link #compare}, which throws the
 * checked {@link InvalidVersionException} when either is invalid; hot paths parse once and compare the
 * {@link Version} objects.
 */
public interface VersionScheme {

    /** A short stable name ({@code dpkg}, {@code rpm}, {@code semver}, {@code pep440}, ...). */
    String name();

    /** The parsed version, or empty when {@code text} is null or not a valid version of this scheme. */
    Optional<Version> parse(String text);

    /** Whether {@link #parse} accepts the text. */
    default boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /**
     * Orders two version texts: negative when {@code a} sorts before {@code b}, zero when the scheme holds them
     * equal, positive otherwise (only the sign is meaningful).
     *
     * @throws InvalidVersionException when either text is not a valid version of this scheme
     */
    default int compare(String a, String b) throws InvalidVersionException {
        Version va = parse(a).orElseThrow(() -> new InvalidVersionException(name(), a));
        Version vb = parse(b).orElseThrow(() -> new InvalidVersionException(name(), b));
        return Integer.signum(va.compareTo(vb));
    }

    /** A scheme made of a name and a parser that returns null for invalid text and never throws. */
    static VersionScheme of(String name, Function<String, ? extends Version> parser) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
        return new ParserScheme(name, parser);
    }
}
