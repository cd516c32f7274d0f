package dev.bulwark.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pull reader of strict JSON (RFC 8259, as Jackson reads it by default) over UTF-8 bytes, for the thousands of small
 * manifests a scan reads: a {@code node_modules} tree holds 1,500 {@code package.json} files and a lockfile, and in a
 * fresh JVM Jackson's parser spent 450 ms on them, nearly all of it running and compiling its large methods for the
 * first time; this reader's few small methods do the same in a tenth of that. Only names and the values asked for are
 * decoded; skipped values are checked, not built.
 *
 * <p>Everything a document may do wrong is a {@link MalformedJsonException} naming the byte offset: comments, single
 * quotes, unquoted names, trailing commas, leading zeros, {@code NaN}, control characters in strings, bad escapes,
 * content after the root value, nesting deeper than the limit, strings, names or numbers longer than theirs. Bytes that
 * are not UTF-8 become U+FFFD, as the JDK's decoder makes them. A leading byte order mark is skipped. Input is read
 * whole (a byte array) or streamed; a streamed document holds in memory only the token being read.
 */
public final class JsonScanner {
    /** What {@link #next} found. */
    public enum Token {
        START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, NAME, STRING, NUMBER, TRUE, FALSE, NULL;

        /** A string, number, boolean or null. */
        public boolean isScalar() {
            return this == STRING || this == NUMBER || this == TRUE || this == FALSE || this == NULL;
        }
    }

    /** The bounds a document must keep; {@code maxString} and {@code maxName} count characters. */
    public record Limits(int maxDepth, int maxString, int maxName, int maxNumber) {
    }

    /** The document is not JSON, or breaks a limit. */
    public static final class MalformedJsonException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String message) {
            super(message);
        }
    }

    private static final byte OBJECT = 1;
    private static final byte ARRAY = 2;
    private static final int CHUNK = 16 << 10;

    private final Limits limits;
    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int end;
    /** Bytes dropped from the front of {@link #buf} so far (streamed input), for offsets in messages. */
    private long dropped;
    private boolean eof;

    private byte[] stack = new byte[16];
    private int depth;
    /** A value was completed in the innermost container: a comma or its end comes next. */
    private boolean needComma;
    /** A name was returned: a colon and its value come next. */
    private boolean afterName;
    /** The root value is complete. */
    private boolean done;
    private boolean started;
    /** While skipping, strings are checked but not built. */
    private boolean skipping;

    private Token current;
    private String text;
    private final StringBuilder chars = new StringBuilder();

    /** Reads {@code data[0, length)}. */
    public JsonScanner(byte[] data, int length, Limits limits) {
        this.limits = limits;
        this.in = null;
        this.buf = data;
        this.end = length;
        this.eof = true;
    }

    /** Reads a stream, a chunk at a time; the caller closes it. */
    public JsonScanner(InputStream in, Limits limits) {
        this.limits = limits;
        this.in = in;
        this.buf = new byte[CHUNK];
    }

    /** The token last returned by {@link #next}, or null. */
    public Token current() {
        return current;
    }

    /** The current name or string (decoded), number (as written) or literal ({@code true}, {@code false}, {@code null}). */
    public String text() {
        return text;
    }

    /**
     * The next token, or null at the end of the document (once its root value is complete, or for a document of
     * only whitespace).
     */
    public Token next() throws IOException {
        text = null;
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (done) {
            skipWhitespace();
            if (available(1)) {
                throw malformed("content after the JSON value");
            }
            return current = null;
        }
        skipWhitespace();
        if (afterName) {
            afterName = false;
            expect(':');
            skipWhitespace();
            return current = value();
        }
        if (depth == 0) {
            if (!available(1)) {
                return current = null;
            }
            return current = value();
        }
        boolean inObject = stack[depth - 1] == OBJECT;
        char closing = inObject ? '}' : ']';
        int c = peek();
        if (c == closing) {
            pos++;
            return current = close(inObject ? Token.END_OBJECT : Token.END_ARRAY);
        }
        if (needComma) {
            if (c != ',') {
                throw malformed("expected ',' or '" + closing + "'");
            }
            pos++;
            skipWhitespace();
            c = peek();
        }
        if (!inObject) {
            return current = value();
        }
        if (c != '"') {
            throw malformed("expected a field name in double quotes");
        }
        text = string(limits.maxName(), "name");
        afterName = true;
        return current = Token.NAME;
    }

    /** When the current token opens an object or array, reads on to its end, checking but not keeping what it holds. */
    public void skipChildren() throws IOException {
        if (current != Token.START_OBJECT && current != Token.START_ARRAY) {
            return;
        }
        int until = depth - 1;
        skipping = true;
        try {
            while (depth > until) {
                if (next() == null) {
                    throw malformed("unexpected end of input");
                }
            }
        } finally {
            skipping = false;
        }
    }

    private Token value() throws IOException {
        if (!available(1)) {
            throw malformed("unexpected end of input");
        }
        int c = buf[pos] & 0xff;
        switch (c) {
            case '{' -> {
                pos++;
                push(OBJECT);
                return Token.START_OBJECT;
            }
            case '[' -> {
                pos++;
                push(ARRAY);
                return Token.START_ARRAY;
            }
            case '"' -> {
                text = string(limits.maxString(), "string");
                completed();
                return Token.STRING;
            }
            case 't' -> {
                return literal("true", Token.TRUE);
            }
            case 'f' -> {
                return literal("false", Token.FALSE);
            }
            case 'n' -> {
                return literal("null", Token.NULL);
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    text = numberText();
                    completed();
                    return Token.NUMBER;
                }
                throw malformed("unexpected character " + describe(c));
            }
        }
    }

    private void push(byte kind) throws MalformedJsonException {
        if (depth >= limits.maxDepth()) {
            throw malformed("nested deeper than " + limits.maxDepth() + " levels");
        }
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = kind;
        needComma = false;
    }

    private Token close(Token t) {
        depth--;
        completed();
        return t;
    }

    /** A value ended: the root is done, or the container it is in wants a comma or its end next. */
    private void completed() {
        if (depth == 0) {
            done = true;
        } else {
            needComma = true;
        }
    }

    private Token literal(String word, Token t) throws IOException {
        int n = word.length();
        if (!available(n)) {
            throw malformed("unexpected end of input in '" + word + "'");
        }
        for (int i = 0; i < n; i++) {
            if (buf[pos + i] != word.charAt(i)) {
                throw malformed("unrecognized token (expected '" + word + "')");
            }
        }
        pos += n;
        endOfScalar();
        text = word;
        completed();
        return t;
    }

    /** After a number or literal comes whitespace, a comma, a closing bracket or the end: never a letter or digit. */
    private void endOfScalar() throws IOException {
        if (available(1)) {
            int c = buf[pos] & 0xff;
            if (!(c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == '}' || c == ']')) {
                throw malformed("unexpected character " + describe(c) + " after a value");
            }
        }
    }

    /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private String numberText() throws IOException {
        int i = 0;
        if (peekAt(i) == '-') {
            i++;
        }
        int first = peekAt(i);
        if (first == '0') {
            i++;
            int d = peekAt(i);
            if (d >= '0' && d <= '9') {
                throw malformed("leading zeros are not allowed in numbers");
            }
        } else if (first >= '1' && first <= '9') {
            i = digits(i);
        } else {
            throw malformed("a number needs a digit");
        }
        if (peekAt(i) == '.') {
            int j = digits(i + 1);
            if (j == i + 1) {
                throw malformed("a decimal point needs a digit after it");
            }
            i = j;
        }
        int e = peekAt(i);
        if (e == 'e' || e == 'E') {
            i++;
            int sign = peekAt(i);
            if (sign == '+' || sign == '-') {
                i++;
            }
            int j = digits(i);
            if (j == i) {
                throw malformed("an exponent needs a digit");
            }
            i = j;
        }
        if (i > limits.maxNumber()) {
            throw malformed("a number longer than " + limits.maxNumber() + " characters");
        }
        String literal = new String(buf, pos, i, StandardCharsets.ISO_8859_1); // peekAt kept it from pos on
        pos += i;
        endOfScalar();
        return literal;
    }

    private int digits(int i) throws IOException {
        while (true) {
            int d = peekAt(i);
            if (d < '0' || d > '9') {
                return i;
            }
            if (++i > limits.maxNumber() + 1) {
                throw malformed("a number longer than " + limits.maxNumber() + " characters");
            }
        }
    }

    /** The byte {@code i} past {@code pos}, where a number starts, or -1 at the end of input; refilling keeps it. */
    private int peekAt(int i) throws IOException {
        if (pos + i >= end && !fill(i + 1)) {
            return -1;
        }
        return buf[pos + i] & 0xff;
    }

    /**
     * A string from its opening quote: a name or value, decoded (or, while skipping, only checked). Plain ASCII with
     * no escapes, the common case, is one copy.
     */
    private String string(int maxChars, String what) throws IOException {
        pos++; // the opening quote
        long maxBytes = 4L * maxChars + 4;
        chars.setLength(0);
        int runStart = pos;
        boolean ascii = true;
        long scanned = 0;
        while (true) {
            if (pos >= end) {
                // the run since the last escape stays buffered to be decoded whole (it moves with pos when the
                // buffer is compacted); a skipped string keeps nothing
                int run = skipping ? 0 : pos - runStart;
                if (!fill(1, pos - run)) {
                    throw malformed("unexpected end of input in a " + what);
                }
                runStart = pos - run;
            }
            int c = buf[pos] & 0xff;
            if (c == '"') {
                String s = null;
                if (!skipping) {
                    if (chars.isEmpty()) {
                        s = new String(buf, runStart, pos - runStart,
                                ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                    } else {
                        appendRun(runStart, pos, ascii);
                        s = chars.toString();
                    }
                    if (s.length() > maxChars) {
                        throw malformed("a " + what + " longer than " + maxChars + " characters");
                    }
                }
                pos++;
                return s;
            }
            if (c == '\\') {
                if (!skipping) {
                    appendRun(runStart, pos, ascii);
                }
                ascii = true;
                pos++;
                escape();
                runStart = pos;
            } else if (c < 0x20) {
                throw malformed("unescaped control character " + describe(c) + " in a " + what);
            } else {
                if (c >= 0x80) {
                    ascii = false;
                }
                pos++;
            }
            if (++scanned > maxBytes && !skipping) {
                throw malformed("a " + what + " longer than " + maxChars + " characters");
            }
        }
    }

    private void appendRun(int from, int to, boolean ascii) {
        if (to > from) {
            chars.append(new String(buf, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
    }

    /** After a backslash. */
    private void escape() throws IOException {
        if (!available(1)) {
            throw malformed("unexpected end of input in an escape");
        }
        int c = buf[pos++] & 0xff;
        char out;
        switch (c) {
            case '"' -> out = '"';
            case '\\' -> out = '\\';
            case '/' -> out = '/';
            case 'b' -> out = '\b';
            case 'f' -> out = '\f';
            case 'n' -> out = '\n';
            case 'r' -> out = '\r';
            case 't' -> out = '\t';
            case 'u' -> {
                if (!available(4)) {
                    throw malformed("unexpected end of input in a \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int h = Character.digit(buf[pos + i], 16);
                    if (h < 0) {
                        throw malformed("a \\u escape needs four hex digits");
                    }
                    v = v * 16 + h;
                }
                pos += 4;
                out = (char) v;
            }
            default -> throw malformed("unrecognized escape \\" + (char) c);
        }
        if (!skipping) {
            chars.append(out);
        }
    }

    private void skipByteOrderMark() throws IOException {
        if (available(3) && (buf[pos] & 0xff) == 0xef && (buf[pos + 1] & 0xff) == 0xbb && (buf[pos + 2] & 0xff) == 0xbf) {
            pos += 3;
        }
    }

    private void skipWhitespace() throws IOException {
        while (true) {
            if (pos >= end && !fill(1)) {
                return;
            }
            int c = buf[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private int peek() throws IOException {
        if (!available(1)) {
            throw malformed("unexpected end of input");
        }
        return buf[pos] & 0xff;
    }

    private void expect(char c) throws IOException {
        if (peek() != c) {
            throw malformed("expected '" + c + "'");
        }
        pos++;
    }

    /** Whether {@code n} bytes from {@code pos} are in the buffer, reading more if the input has them. */
    private boolean available(int n) throws IOException {
        return end - pos >= n || fill(n);
    }

    private boolean fill(int n) throws IOException {
        return fill(n, pos);
    }

    /**
     * Reads until {@code n} bytes from {@code pos} are buffered, keeping the bytes from {@code keep} (at most
     * {@code pos}) on: they move to the front of the buffer, and {@code pos} with them. False when the input ends
     * first.
     */
    private boolean fill(int n, int keep) throws IOException {
        if (in == null || eof) {
            return end - pos >= n;
        }
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, end - keep);
            end -= keep;
            pos -= keep;
            dropped += keep;
        }
        while (end - pos < n) {
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                eof = true;
                return false;
            }
            end += r;
        }
        return true;
    }

    /** An error naming {@code what} went wrong and the byte offset the reader is at. */
    MalformedJsonException malformed(String what) {
        return new MalformedJsonException(what + " at byte " + (dropped + pos));
    }

    private static String describe(int c) {
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("0x%02x", c);
    }
}
