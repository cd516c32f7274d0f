package dev.bulwark.engine.policy.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile rules and hostile inputs end in a clear error within bounded time, never a hang or a crash. */
class HostileCelTest {
    private static final Duration QUICK = Duration.ofSeconds(10);

    @Test
    void deepNestingIsRefusedAtCompileTime() {
        assertTimeoutPreemptively(QUICK, () -> {
            CelException parens = assertThrows(CelException.class,
                    () -> CelProgram.compile("(".repeat(5000) + "1" + ")".repeat(5000)));
            assertTrue(parens.reason().contains("nested deeper"), parens.getMessage());
            CelException chain = assertThrows(CelException.class,
                    () -> CelProgram.compile("1" + " + 1".repeat(20_000)));
            assertTrue(chain.reason().contains("nested deeper"), chain.getMessage());
            assertThrows(CelException.class, () -> CelProgram.compile("!".repeat(100_000) + "true"));
        });
    }

    @Test
    void hugeExpressionsAndStringsAreBounded() {
        assertTimeoutPreemptively(QUICK, () -> {
            assertThrows(CelException.class, () -> CelProgram.compile("'" + "a".repeat(200_000) + "'"));
            // Doubling a string 40 times would need a terabyte.
            StringBuilder doubling = new StringBuilder("s");
            for (int i = 0; i < 40; i++) {
                doubling = new StringBuilder("[" + doubling + "].map(s, s + s)[0]");
            }
            String source = doubling.toString();
            CelEvaluationException e = assertThrows(CelEvaluationException.class,
                    () -> CelProgram.compile(source).evaluate(Map.of("s", "x".repeat(1000))));
            assertTrue(e.limitExceeded(), e.getMessage());
        });
    }

    @Test
    void catastrophicRegexEndsWithTheCostLimit() {
        assertTimeoutPreemptively(QUICK, () -> {
            // Java's own regex engine runs for minutes on this input (measured with java.util.regex directly).
            CelProgram p = CelProgram.compile("input.matches('(.*a){12}$')");
            CelEvaluationException e = assertThrows(CelEvaluationException.class,
                    () -> p.evaluate(Map.of("input", "a".repeat(60) + "b")));
            assertTrue(e.limitExceeded() && e.getMessage().contains("cost limit"), e.getMessage());
            CelProgram dynamic = CelProgram.compile("input.matches(re)");
            assertThrows(CelEvaluationException.class,
                    () -> dynamic.evaluate(Map.of("input", ",".repeat(60), "re", "(.*,){10}x")));
        });
    }

    @Test
    void nonRe2RegexIsRefused() {
        CelException e = assertThrows(CelException.class, () -> CelProgram.compile("'aa'.matches('(a)\\\\1')"));
        assertTrue(e.reason().contains("back-reference"), e.getMessage());
        assertThrows(CelException.class, () -> CelProgram.compile("'a'.matches('a(?=b)')"));
    }

    @Test
    void nestedMacrosOverLargeInputsHitTheCostLimit() {
        List<Long> big = new ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            big.add(i);
        }
        assertTimeoutPreemptively(QUICK, () -> {
            CelProgram p = CelProgram.compile("xs.exists(a, xs.exists(b, xs.exists(c, a + b + c < 0)))");
            CelEvaluationException e = assertThrows(CelEvaluationException.class,
                    () -> p.evaluate(Map.of("xs", big)));
            assertTrue(e.limitExceeded(), e.getMessage());
        });
    }

    @Test
    void deeplyNestedInputIsWalkedWithoutStackOverflow() {
        Object deep = "leaf";
        for (int i = 0; i < 100_000; i++) {
            deep = List.of(deep);
        }
        Object input = deep;
        assertTimeoutPreemptively(QUICK, () -> {
            // Equality over a very deep value must end in an error or a result, not a StackOverflowError.
            try {
                Object r = CelProgram.compile("x == y").evaluate(Map.of("x", input, "y", input));
                assertEquals(Boolean.TRUE, r);
            } catch (CelEvaluationException e) {
                assertTrue(e.limitExceeded(), e.getMessage());
            }
        });
    }

    @Test
    void errorsNameLineAndColumn() {
        CelEvaluationException e = assertThrows(CelEvaluationException.class,
                () -> CelProgram.compile("true &&\n  object.spec.x > 1").evaluate(Map.of("object", Map.of("spec",
                        Map.of()))));
        assertEquals("2:15: no such key: x", e.getMessage());
    }
}
