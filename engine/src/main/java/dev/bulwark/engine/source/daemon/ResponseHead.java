package dev.bulwark.engine.source.daemon;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status line and headers of an HTTP/1.x response, read with hard limits so an engine that sends endless or
 * huge headers costs at most {@link #MAX_HEAD_BYTES}.
 *
 * @param headers names lower-cased, values in arrival order
 */
record ResponseHead(int status, String reason, Map<String, List<String>> headers) {
    static final int MAX_HEAD_BYTES = 64 << 10;
    static final int MAX_LINE_BYTES = 16 << 10;
    static final int MAX_HEADERS = 200;

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] ([1-5][0-9]{2})(?: ([\\x20-\\x7e\\t]*))?");
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    ResponseHead {
        headers = Map.copyOf(headers);
    }

    /** The single value of a header, or null; differing repeated values are a protocol error. */
    String header(String name) throws HttpProtocolException {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        if (values == null) {
            return null;
        }
        String first = values.get(0);
        for (String v : values) {
            if (!v.equals(first)) {
                throw new HttpProtocolException("conflicting " + name + " headers");
            }
        }
        return first;
    }

    /** Reads one response head, skipping interim 1xx responses. */
    static ResponseHead read(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        while (true) {
            String statusLine = line(in, budget, "status line");
            Matcher m = STATUS.matcher(statusLine);
            if (!m.matches()) {
                throw new HttpProtocolException("malformed status line \"" + printable(statusLine) + "\"");
            }
            int status = Integer.parseInt(m.group(1));
            Map<String, List<String>> headers = fields(in, budget);
            if (status >= 200) {
                return new ResponseHead(status, m.group(2) == null ? "" : m.group(2), headers);
            }
        }
    }

    /** Reads header fields (or chunked trailers) up to the empty line. */
    static Map<String, List<String>> fields(InputStream in, int[] budget) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        while (true) {
            String line = line(in, budget, "header");
            if (line.isEmpty()) {
                return headers;
            }
            if (++count > MAX_HEADERS) {
                throw new HttpProtocolException("more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !NAME.matcher(line.substring(0, colon)).matches()) {
                throw new HttpProtocolException("malformed header line \"" + printable(line) + "\"");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
    }

    /** One CRLF- (or bare LF-) terminated line, charged against {@code budget}. */
    static String line(InputStream in, int[] budget, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside the response " + what);
            }
            if (--budget[0] < 0) {
                throw new HttpProtocolException("response headers exceed " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                break;
            }
            if (out.size() >= MAX_LINE_BYTES) {
                throw new HttpProtocolException("response " + what + " line exceeds " + MAX_LINE_BYTES + " bytes");
            }
            out.write(b);
        }
        byte[] bytes = out.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        for (int i = 0; i < len; i++) {
            int c = bytes[i] & 0xff;
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new HttpProtocolException("control character in response " + what);
            }
        }
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    }

    static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
