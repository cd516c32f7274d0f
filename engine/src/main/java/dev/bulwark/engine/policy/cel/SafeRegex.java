package dev.bulwark.engine.policy.cel;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * RE2-style {@code matches} on java.util.regex, kept bounded. Constructs RE2 refuses (back-references, look-around,
 * atomic groups, possessive quantifiers) are refused here too, so a pattern means the same as in Kubernetes; and every
 * character the matcher reads is paid for from the evaluation budget, so a backtracking pattern such as
 * {@code (a+)+$} ends with "cost limit exceeded" instead of running for years.
 */
final class SafeRegex {
    static final int MAX_PATTERN_LENGTH = 4096;

    private SafeRegex() {
    }

    /** Compiles an RE2 pattern; throws an EvalError naming what is not RE2. */
    static Pattern compile(String re2) {
        if (re2.length() > MAX_PATTERN_LENGTH) {
            throw new EvalError("regular expression longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        String refused = refusedConstruct(re2);
        if (refused != null) {
            throw new EvalError("invalid regular expression: " + refused + " is not supported (RE2 syntax)");
        }
        try {
            return Pattern.compile(re2.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            throw new EvalError("invalid regular expression: " + e.getDescription());
        }
    }

    private static String refusedConstruct(String re) {
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(i + 1);
                if (!inClass && n >= '1' && n <= '9') {
                    return "back-reference \\" + n;
                }
                if (n == 'k') {
                    return "named back-reference";
                }
                i++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (!inClass && c == '(' && re.startsWith("(?", i)) {
                String rest = re.substring(i + 2, Math.min(re.length(), i + 4));
                if (rest.startsWith("=") || rest.startsWith("!") || rest.startsWith("<=") || rest.startsWith("<!")) {
                    return "look-around";
                }
                if (rest.startsWith(">")) {
                    return "atomic group";
                }
            } else if (!inClass && c == '+' && i > 0 && "*+?}".indexOf(re.charAt(i - 1)) >= 0
                    && (i < 2 || re.charAt(i - 2) != '\\')) {
                return "possessive quantifier";
            }
        }
        return null;
    }

    /** RE2 partial match: true when the pattern matches anywhere in {@code text}. */
    static boolean find(Pattern pattern, String text, Budget budget) {
        budget.spend(1 + text.length() / 16);
        try {
            return pattern.matcher(new Metered(text, budget)).find();
        } catch (StackOverflowError e) {
            throw new EvalError("regular expression too complex for this input", true);
        }
    }

    /** A CharSequence that charges the budget for reads: the matcher's work becomes visible and bounded. */
    private record Metered(String text, Budget budget) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            budget.spend(1);
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Metered(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
