package dev.bulwark.engine.policy.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits CEL source into tokens; string and bytes literals are decoded here. */
final class CelLexer {

    enum Kind { INT, UINT, DOUBLE, STRING, BYTES, IDENT, PUNCT, EOF }

    record Token(Kind kind, String text, Object value, int pos) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private static final List<String> PUNCTS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*",
            "/", "%", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}");
    /** Words that may name fields and methods but not variables or functions. */
    static final Set<String> RESERVED = Set.of("as", "break", "const", "continue", "else", "for",
            "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while");

    private final String src;
    private int i;

    private CelLexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String src) {
        CelLexer lexer = new CelLexer(src);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.EOF);
        return out;
    }

    private CelException error(int at, String reason) {
        return CelException.at(src, at, reason);
    }

    private Token next() {
        skipSpaceAndComments();
        if (i >= src.length()) {
            return new Token(Kind.EOF, "", null, i);
        }
        int start = i;
        char c = src.charAt(i);
        if (c == '"' || c == '\'') {
            return new Token(Kind.STRING, null, new StringLiteral(src, i, false, false).read(this::advanceTo), start);
        }
        if ((c == 'r' || c == 'R' || c == 'b' || c == 'B') && i + 1 < src.length()) {
            char d = src.charAt(i + 1);
            char e = i + 2 < src.length() ? src.charAt(i + 2) : 0;
            boolean bytes = c == 'b' || c == 'B' || ((d == 'b' || d == 'B') && (e == '"' || e == '\''));
            boolean raw = c == 'r' || c == 'R' || ((d == 'r' || d == 'R') && (e == '"' || e == '\''));
            int prefix = (d == '"' || d == '\'') ? 1 : (raw && bytes && (e == '"' || e == '\'')) ? 2 : 0;
            if (prefix > 0) {
                Object v = new StringLiteral(src, i + prefix, raw, bytes).read(this::advanceTo);
                return new Token(bytes ? Kind.BYTES : Kind.STRING, null, v, start);
            }
        }
        if (Character.isDigit(c) || (c == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)))) {
            return number();
        }
        if (c == '_' || Character.isLetter(c)) {
            while (i < src.length() && (src.charAt(i) == '_' || Character.isLetterOrDigit(src.charAt(i))
                    && src.charAt(i) < 128)) {
                i++;
            }
            String word = src.substring(start, i);
            return new Token(Kind.IDENT, word, null, start);
        }
        if (c == '`') {
            int end = src.indexOf('`', i + 1);
            if (end < 0) {
                throw error(start, "unterminated quoted identifier");
            }
            i = end + 1;
            return new Token(Kind.IDENT, src.substring(start + 1, end), "quoted", start);
        }
        for (String p : PUNCTS) {
            if (src.startsWith(p, i)) {
                i += p.length();
                return new Token(Kind.PUNCT, p, null, start);
            }
        }
        throw error(start, "unexpected character '" + c + "'");
    }

    private void advanceTo(int position) {
        i = position;
    }

    private void skipSpaceAndComments() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else {
                return;
            }
        }
    }

    private Token number() {
        int start = i;
        if (src.startsWith("0x", i) || src.startsWith("0X", i)) {
            i += 2;
            while (i < src.length() && Character.digit(src.charAt(i), 16) >= 0) {
                i++;
            }
            String digits = src.substring(start + 2, i);
            boolean unsigned = i < src.length() && (src.charAt(i) == 'u' || src.charAt(i) == 'U');
            if (unsigned) {
                i++;
            }
            return integer(start, digits, 16, unsigned);
        }
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
        }
        boolean floating = false;
        if (i + 1 < src.length() && src.charAt(i) == '.' && Character.isDigit(src.charAt(i + 1))) {
            floating = true;
            i++;
            while (i < src.length() && Character.isDigit(src.charAt(i))) {
                i++;
            }
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                i++;
            }
            if (i < src.length() && Character.isDigit(src.charAt(i))) {
                floating = true;
                while (i < src.length() && Character.isDigit(src.charAt(i))) {
                    i++;
                }
            } else {
                i = save;
            }
        }
        String text = src.substring(start, i);
        if (floating) {
            return new Token(Kind.DOUBLE, text, Double.parseDouble(text), start);
        }
        boolean unsigned = i < src.length() && (src.charAt(i) == 'u' || src.charAt(i) == 'U');
        if (unsigned) {
            i++;
        }
        return integer(start, text, 10, unsigned);
    }

    private Token integer(int start, String digits, int radix, boolean unsigned) {
        try {
            if (unsigned) {
                return new Token(Kind.UINT, digits, new CelUint(Long.parseUnsignedLong(digits, radix)), start);
            }
            // Kept as text: the parser folds a leading minus in, so that -9223372036854775808 is a valid int.
            return new Token(Kind.INT, (radix == 16 ? "0x" : "") + digits, null, start);
        } catch (NumberFormatException e) {
            throw error(start, "integer literal out of range: " + digits);
        }
    }
}
