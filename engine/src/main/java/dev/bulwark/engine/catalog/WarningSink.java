package dev.bulwark.engine.catalog;

/** Where catalogers report what they skipped. */
@FunctionalInterface
public interface WarningSink {
    void warn(String code, String message);
}
