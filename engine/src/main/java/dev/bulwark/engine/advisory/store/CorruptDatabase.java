package dev.bulwark.engine.advisory.store;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;

/** The database file does not decode: it was damaged after it was written, or it is not one of ours. */
final class CorruptDatabase extends BulwarkException {
    private static final long serialVersionUID = 1L;

    CorruptDatabase(String detail) {
        super(ErrorKind.INVALID_INPUT, "advisory database is corrupt (" + detail
                + "); rebuild it with 'bulwark db update' or 'bulwark db import'");
    }
}
