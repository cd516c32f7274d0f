package dev.bulwark.engine.advisory.epss;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.AdvisorySink;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.catalog.LineReader;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams {@code epss_scores-YYYY-MM-DD.csv[.gz]}: an optional comment line {@code #model_version:v2023.03.01,
 * score_date:2023-05-04T00:00:00+0000}, the header {@code cve,epss,percentile}, then one row per CVE. Lines are
 * bounded; a bad row is skipped with a warning.
 */
public final class EpssImporter {
    static final int MAX_LINE = 1024;
    static final int MAX_ROWS = 10_000_000;

    private EpssImporter() {
    }

    public static void importFile(Path file, AdvisorySink sink) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            importStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw, file.toString(), sink);
        } catch (NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "EPSS file " + file + " does not exist");
        } catch (LineReader.LineTooLongException e) {
            sink.warn("epss.malformed", file + ": " + e.getMessage() + "; rows after it are missing");
        } catch (EOFException | ZipException e) {
            sink.warn("epss.truncated", file + ": " + e.getMessage() + "; rows after the cut are missing");
        } catch (IOException e) {
            sink.warn("epss.unreadable", file + ": " + e.getMessage());
        }
    }

    static void importStream(InputStream in, String origin, AdvisorySink sink) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE);
        String line;
        boolean header = false;
        long rows = 0;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("#")) {
                model(line, sink);
                continue;
            }
            if (!header) {
                if (!line.strip().equals("cve,epss,percentile")) {
                    sink.warn("epss.malformed", origin + ": header is not cve,epss,percentile; nothing imported");
                    return;
                }
                header = true;
                continue;
            }
            if (++rows > MAX_ROWS) {
                sink.warn("epss.too-large", origin + ": more than " + MAX_ROWS + " rows; the rest is ignored");
                return;
            }
            String[] f = line.strip().split(",", -1);
            try {
                if (f.length != 3) {
                    throw new IllegalArgumentException("expected 3 fields, found " + f.length);
                }
                sink.epss(new EpssScore(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            } catch (IllegalArgumentException e) {
                sink.warn("epss.bad-row", origin + " row " + rows + ": " + e.getMessage() + "; skipped");
            }
        }
    }

    private static void model(String line, AdvisorySink sink) {
        String version = null;
        String date = null;
        for (String part : line.substring(1).split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                String value = part.substring(colon + 1).strip();
                switch (part.substring(0, colon).strip()) {
                    case "model_version" -> version = value;
                    case "score_date" -> date = value;
                    default -> { }
                }
            }
        }
        sink.epssModel(version, date);
    }
}
