package dev.bulwark.engine.ecosystem.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The archive digest computed on its own thread gives exactly the digest of the bytes read, whatever the read sizes,
 * and a read given up half-way leaves no thread behind.
 */
class BackgroundDigestTest {
    @Test
    void sameDigestAsMessageDigestForAnyReadPattern() throws Exception {
        Random random = new Random(42);
        byte[] head = new byte[3 << 20];
        byte[] rest = new byte[(5 << 20) + 12345];
        random.nextBytes(head);
        random.nextBytes(rest);
        MessageDigest expected = MessageDigest.getInstance("SHA-1");
        expected.update(head);
        expected.update(rest);

        for (int pattern = 0; pattern < 3; pattern++) {
            BackgroundDigest digest = new BackgroundDigest(MessageDigest.getInstance("SHA-1"));
            byte[] result;
            try (digest) {
                digest.updateShared(head);
                InputStream in = digest.tee(new ByteArrayInputStream(rest));
                byte[] buf = new byte[3 << 20];
                while (true) {
                    int n = switch (pattern) {
                        case 0 -> in.read(buf, 0, 1 + random.nextInt(buf.length)); // reads of any size
                        case 1 -> {
                            int b = in.read(); // single bytes, then large reads
                            yield b < 0 ? -1 : 1 + Math.max(0, in.read(buf, 0, 70_000));
                        }
                        default -> (int) Math.min(in.transferTo(java.io.OutputStream.nullOutputStream()), 1);
                    };
                    if (n <= 0) {
                        break;
                    }
                }
                result = digest.finish();
            }
            assertArrayEquals(expected.digest(), result, "read pattern " + pattern);
            expected.update(head);
            expected.update(rest);
        }
    }

    @Test
    void givingUpHalfWayStopsTheThread() throws Exception {
        long before = digestThreads();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 20; i++) {
                try (BackgroundDigest digest = new BackgroundDigest(MessageDigest.getInstance("SHA-1"))) {
                    digest.update(new byte[3 << 20], 0, 3 << 20); // fills chunks, then the caller fails
                }
            }
            while (digestThreads() > before) {
                Thread.sleep(10);
            }
        });
        assertEquals(before, digestThreads());
    }

    private static long digestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("bulwark-archive-digest") && t.isAlive()).count();
    }
}
