package dev.bulwark.engine.secret;

/** Shannon entropy of a string's characters, the usual measure of how random a token looks. */
final class ShannonEntropy {
    private ShannonEntropy() {
    }

    static double bitsPerChar(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < s.length(); i++) {
            counts.merge(s.charAt(i), 1, Integer::sum);
        }
        double bits = 0;
        for (int c : counts.values()) {
            double p = (double) c / s.length();
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }
}
