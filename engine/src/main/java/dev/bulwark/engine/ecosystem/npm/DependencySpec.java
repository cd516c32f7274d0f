package dev.bulwark.engine.ecosystem.npm;

/** {@code name@rest} strings, where a scoped name itself starts with {@code @}. */
final class DependencySpec {
    private DependencySpec() {
    }

    static String name(String spec) {
        int at = spec.indexOf('@', 1);
        return at < 0 ? spec : spec.substring(0, at);
    }

    static String rest(String spec) {
        int at = spec.indexOf('@', 1);
        return at < 0 ? "" : spec.substring(at + 1);
    }

    static String of(String name, String rest) {
        return name + "@" + rest;
    }
}
