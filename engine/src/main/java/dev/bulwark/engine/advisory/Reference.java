package dev.bulwark.engine.advisory;

/** A link from an advisory, with OSV's reference type ({@code ADVISORY}, {@code WEB}, {@code FIX}...). */
public record Reference(String type, String url) {
    public Reference {
        type = Text.require(type, "reference type", 64);
        url = Text.require(url, "reference url", 4096);
    }
}
