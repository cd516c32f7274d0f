package dev.bulwark.engine.scan;

import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.layer.LayerStreams;
import dev.bulwark.engine.layer.TarFormatException;
import java.io.EOFException;
import java.util.zip.ZipException;

/** Turns what went wrong while reading a layer into one line and an error kind. */
final class LayerErrors {
    private LayerErrors() {
    }

    static ErrorKind kind(Throwable e, Image image) {
        if (e instanceof TarFormatException || e instanceof ZipException || e instanceof EOFException
                || e instanceof LayerStreams.LayerTooLargeException || isDecompressor(e)) {
            return ErrorKind.INVALID_INPUT;
        }
        if (e instanceof RuntimeException) {
            return ErrorKind.INTERNAL;
        }
        return image.readFailureKind();
    }

    static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        if (e instanceof ZipException) {
            return "corrupt gzip data (" + m + ")";
        }
        if (e instanceof EOFException) {
            return "truncated layer (" + m + ")";
        }
        if (e instanceof TarFormatException) {
            return "bad tar: " + m;
        }
        if (isDecompressor(e)) {
            return "corrupt zstd data (" + m + ")";
        }
        return m;
    }

    /** aircompressor's zstd reports corrupt frames with unchecked exceptions of its own. */
    private static boolean isDecompressor(Throwable e) {
        return e instanceof RuntimeException && e.getClass().getName().startsWith("io.airlift.compress");
    }
}
