package dev.bulwark.engine.image;

import java.util.Locale;

/** An OS/architecture/variant triple as in OCI indexes and {@code --platform linux/arm64/v8}. */
public record Platform(String os, String architecture, String variant) {
    public Platform {
        os = os == null || os.isEmpty() ? "linux" : os.toLowerCase(Locale.ROOT);
        architecture = architecture == null ? "" : architecture.toLowerCase(Locale.ROOT);
        variant = variant == null || variant.isEmpty() ? null : variant.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code os/arch[/variant]}; throws IllegalArgumentException on anything else. */
    public static Platform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("platform must be os/arch[/variant], e.g. linux/amd64: " + text);
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** The platform of this JVM's machine, in Go's GOARCH names as registries use them. */
    public static Platform current() {
        String arch = System.getProperty("os.arch", "amd64");
        return switch (arch) {
            case "x86_64", "amd64" -> new Platform("linux", "amd64", null);
            case "aarch64", "arm64" -> new Platform("linux", "arm64", "v8");
            default -> new Platform("linux", arch, null);
        };
    }

    /** Whether an index entry with platform {@code other} satisfies this wanted platform. */
    public boolean accepts(Platform other) {
        if (other == null || !os.equals(other.os) || !architecture.equals(other.architecture)) {
            return false;
        }
        if (variant == null || other.variant == null) {
            return true;
        }
        return variant.equals(other.variant);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
