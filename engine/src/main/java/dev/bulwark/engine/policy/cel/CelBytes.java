package dev.bulwark.engine.policy.cel;

import java.util.Arrays;

/** A CEL {@code bytes} value, compared by content. */
public record CelBytes(byte[] data) {

    public CelBytes {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int length() {
        return data.length;
    }

    byte at(int i) {
        return data[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CelBytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "b\"" + new String(data, java.nio.charset.StandardCharsets.ISO_8859_1) + "\"";
    }
}
