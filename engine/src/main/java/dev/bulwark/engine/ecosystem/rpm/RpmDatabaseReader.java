package dev.bulwark.engine.ecosystem.rpm;

import java.io.IOException;

/**
 * Reads the package header blobs out of one rpm database format. An entry that cannot be read is reported through
 * {@link HeaderBlobSink#skipped}; a file whose structure cannot be read at all fails with
 * {@link MalformedDatabaseException}. Every loop is bounded by the file size, so hostile files end, and no blob
 * larger than {@link #MAX_BLOB} is ever allocated.
 */
sealed interface RpmDatabaseReader permits SqlitePackagesReader, BerkeleyHashReader, NdbPackagesReader {
    /** rpm itself allows 256 MB; real headers are at most a few MB, and the engine runs in a 256 MB heap. */
    int MAX_BLOB = 32 << 20;

    void read(RandomAccessBytes db, HeaderBlobSink sink) throws IOException;

    /** Picks the reader from the file's magic number, or null when it is none of the three formats. */
    static RpmDatabaseReader forMagic(RandomAccessBytes db) throws IOException {
        if (db.size() >= 100 && SqliteFile.hasMagic(db)) {
            return new SqlitePackagesReader();
        }
        if (db.size() >= 32 && NdbPackagesReader.hasMagic(db)) {
            return new NdbPackagesReader();
        }
        if (db.size() >= 512 && BerkeleyHashReader.hasMagic(db)) {
            return new BerkeleyHashReader();
        }
        return null;
    }
}
