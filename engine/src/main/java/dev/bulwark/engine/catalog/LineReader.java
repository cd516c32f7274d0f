package dev.bulwark.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from an untrusted stream with a bound on line length, so a file that is one endless line cannot
 * exhaust memory. Accepts {@code \n} and {@code \r\n} endings.
 */
public final class LineReader {
    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;

    public LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line without its ending, or null at end of stream. */
    public String readLine() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            byte b = buf[pos++];
            if (b == '\n') {
                break;
            }
            if (len == maxLine) {
                throw new LineTooLongException("line " + (lineNumber + 1) + " is longer than " + maxLine + " bytes");
            }
            if (len == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLine, line.length * 2));
            }
            line[len++] = b;
        }
        lineNumber++;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return new String(line, 0, len, StandardCharsets.UTF_8);
    }

    /** Lines read so far. */
    public long lineNumber() {
        return lineNumber;
    }

    /** A line over the bound: the file is not what it claims to be. */
    public static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(String message) {
            super(message);
        }
    }
}
