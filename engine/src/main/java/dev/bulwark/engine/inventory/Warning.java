package dev.bulwark.engine.inventory;

/**
 * Something that was skipped rather than failing the scan: a malformed database entry, an unreadable file. Warnings
 * are counted and reported so nothing is lost silently.
 *
 * @param code a stable short code ({@code dpkg.malformed-stanza})
 * @param message one line naming the file and what was wrong
 */
public record Warning(String code, String message) {
}
