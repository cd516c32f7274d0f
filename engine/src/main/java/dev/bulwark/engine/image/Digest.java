package dev.bulwark.engine.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI image spec defines it ({@code algorithm:hex}). Only sha256 and sha512 are accepted,
 * so a digest read from an untrusted manifest can always be verified.
 */
public record Digest(String algorithm, String hex) {
    private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

    public Digest {
        if (algorithm == null || hex == null) {
            throw new IllegalArgumentException("digest is missing");
        }
        boolean ok = switch (algorithm) {
            case "sha256" -> SHA256.matcher(hex).matches();
            case "sha512" -> SHA512.matcher(hex).matches();
            default -> false;
        };
        if (!ok) {
            throw new IllegalArgumentException("not a valid digest: " + shorten(algorithm + ":" + hex));
        }
    }

    /** Parses {@code sha256:<64 hex>}; throws IllegalArgumentException with a readable message otherwise. */
    public static Digest parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("digest is missing");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a valid digest: " + shorten(text));
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Digest sha256(byte[] data) {
        return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(data)));
    }

    public static Digest ofSha256(MessageDigest finished) {
        return new Digest("sha256", HexFormat.of().formatHex(finished.digest()));
    }

    public static MessageDigest newSha256() {
        return newDigest("sha256");
    }

    /** A fresh MessageDigest for this digest's algorithm. */
    public MessageDigest newMessageDigest() {
        return newDigest(algorithm);
    }

    /** Whether {@code computed} (a finished MessageDigest's bytes) equals this digest. */
    public boolean matches(byte[] computed) {
        return HexFormat.of().formatHex(computed).equals(hex);
    }

    /** The first 12 hex characters, as people see image ids. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT).replace("SHA", "SHA-"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
