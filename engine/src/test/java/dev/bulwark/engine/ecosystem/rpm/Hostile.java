package dev.bulwark.engine.ecosystem.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.inventory.Warning;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;

/** Runs the cataloger on damaged content and checks it ends quickly with warnings or a one-line INVALID_INPUT. */
final class Hostile {
    private Hostile() {
    }

    /** Catalogs {@code content}; it must not throw (other than INVALID_INPUT naming the file) nor take long. */
    static Catalogued survive(byte[] content, String location) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                return Catalogued.of(content, location);
            } catch (BulwarkException e) {
                assertEquals(ErrorKind.INVALID_INPUT, e.kind());
                assertTrue(e.getMessage().contains(location), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                return new Catalogued(List.of(), List.of(new Warning("thrown", e.getMessage())));
            }
        });
    }

    /** Like {@link #survive} but also requires a warning whose code and message contain the given parts. */
    static Catalogued warns(byte[] content, String location, String code, String messagePart) {
        Catalogued got = survive(content, location);
        assertTrue(got.warnings().stream().anyMatch(w -> w.code().equals(code) && w.message().contains(messagePart)
                && w.message().startsWith(location)), () -> "expected " + code + " with '" + messagePart + "' in "
                + got.warnings());
        return got;
    }

    static int getInt(byte[] b, int at, ByteOrder order) {
        return ByteBuffer.wrap(b).order(order).getInt(at);
    }

    static void putInt(byte[] b, int at, int value, ByteOrder order) {
        ByteBuffer.wrap(b).order(order).putInt(at, value);
    }

    static void putShort(byte[] b, int at, int value, ByteOrder order) {
        ByteBuffer.wrap(b).order(order).putShort(at, (short) value);
    }
}
