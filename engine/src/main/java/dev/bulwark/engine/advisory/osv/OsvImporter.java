package dev.bulwark.engine.advisory.osv;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.AdvisorySink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports OSV records from one JSON file, a directory tree of {@code *.json} files, or a zip of them (OSV's
 * per-ecosystem {@code all.zip}). Every record is read with a size bound; bad records are counted warnings.
 */
public final class OsvImporter {
    private static final int MAX_DEPTH = 32;

    private OsvImporter() {
    }

    /** Imports one OSV JSON file. */
    public static void importFile(Path file, AdvisorySink sink) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] json = readBounded(in, OsvRecordParser.MAX_RECORD_BYTES);
            if (json == null) {
                sink.warn("osv.too-large", file + ": over " + OsvRecordParser.MAX_RECORD_BYTES + " bytes; skipped");
                return;
            }
            OsvRecordParser.parse(json, file.toString(), sink);
        } catch (NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "OSV file " + file + " does not exist");
        } catch (IOException e) {
            sink.warn("osv.unreadable", file + ": " + e.getMessage() + "; skipped");
        }
    }

    /** Imports every {@code *.json} file under {@code dir} (symbolic links are not followed), in name order. */
    public static void importDirectory(Path dir, AdvisorySink sink) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, "cannot list OSV directory " + dir + ": "
                    + e.getMessage(), e);
        }
        for (Path f : files) {
            importFile(f, sink);
        }
    }

    /** Imports an OSV zip file, streaming; a missing end record (a cut-off download) is warned about. */
    public static void importZip(Path zip, AdvisorySink sink) {
        try (InputStream in = Files.newInputStream(zip)) {
            OsvZipReader.read(in, zip.toString(), sink);
        } catch (NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "OSV zip " + zip + " does not exist");
        } catch (IOException e) {
            sink.warn("osv.zip-malformed", zip + ": " + e.getMessage());
        }
        if (!OsvZipReader.hasEndRecord(zip)) {
            sink.warn("osv.zip-truncated", zip + ": no zip end record; the file is cut off or not a zip, "
                    + "records after the cut are missing");
        }
    }

    /** Imports an OSV zip from a stream, as a download arrives. */
    public static void importZip(InputStream in, String origin, AdvisorySink sink) {
        try {
            OsvZipReader.read(in, origin, sink);
        } catch (IOException e) {
            sink.warn("osv.zip-malformed", origin + ": " + e.getMessage());
        }
    }

    /** The stream's bytes, or null when there are more than {@code max}. */
    static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] data = in.readNBytes(max + 1);
        return data.length > max ? null : data;
    }
}
