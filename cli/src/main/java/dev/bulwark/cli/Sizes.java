package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 512MiB}, {@code 64GiB}, {@code 1G} or plain bytes. */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    static long parse(String text, String flag) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new BulwarkException(ErrorKind.USAGE, flag + ": not a size: " + text + " (e.g. 512MiB, 64GiB)");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new BulwarkException(ErrorKind.USAGE, flag + ": too large: " + text);
        }
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new BulwarkException(ErrorKind.USAGE, flag + ": out of range: " + text);
        }
        return n << shift;
    }
}
