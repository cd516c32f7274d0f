package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the advisory database lives and how commands open it. It is data, not cache: it cannot be rebuilt offline,
 * so it lives apart from the layer cache and {@code bulwark cache clean} never removes it.
 */
final class AdvisoryDb {
    static final String FILE_NAME = "advisories.db";
    static final Opt DB_DIR = Opt.value("DIR", "Advisory database directory (default: $BULWARK_DB_DIR, else"
            + " $XDG_DATA_HOME/bulwark/db, else ~/.local/share/bulwark/db).", "--db-dir");

    private AdvisoryDb() {
    }

    static Path directory(ParsedArgs args) {
        String given = args.value("--db-dir");
        if (given != null) {
            return Path.of(given);
        }
        String env = System.getenv("BULWARK_DB_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "bulwark", "db");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "bulwark", "db");
    }

    static Path file(ParsedArgs args) {
        return directory(args).resolve(FILE_NAME);
    }

    /** Opens the database or fails with one line saying how to get one. */
    static AdvisoryDatabase open(ParsedArgs args) {
        Path file = file(args);
        if (!Files.isRegularFile(file)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "no advisory database at " + file + "; run 'bulwark db"
                    + " update' (or 'bulwark db import PATH' offline), or pick the scanners with --scanners");
        }
        return AdvisoryDatabase.open(file);
    }

    /** Parses ages like {@code 7d}, {@code 12h}, {@code 30m}. */
    static Duration age(String text, String option) {
        if (text != null && text.matches("\\d{1,6}[dhm]")) {
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        }
        throw new BulwarkException(ErrorKind.USAGE, option + ": expected an age like 7d, 12h or 30m, got '"
                + Main.oneLine(String.valueOf(text)) + "'");
    }
}
