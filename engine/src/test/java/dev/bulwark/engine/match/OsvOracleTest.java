package dev.bulwark.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's oracle decides ranges the way the OSV schema's "Evaluation" section does; these are that section's
 * cases (unsorted events, several introduced/fixed pairs, last_affected, limit), ordered by maven-artifact.
 */
class OsvOracleTest {

    @Test
    void evaluatesRangesAsTheOsvSchemaDoes() {
        List<String[]> cases = List.of(
                // version, expected, events as kind=version
                new String[] {"1.0", "true", "introduced=0", "fixed=2.0"},
                new String[] {"2.0", "false", "introduced=0", "fixed=2.0"},
                new String[] {"1.5", "false", "fixed=1.2", "introduced=0", "introduced=2.0", "fixed=2.4"},
                new String[] {"2.1", "true", "fixed=2.4", "introduced=2.0", "fixed=1.2", "introduced=0"},
                new String[] {"1.1", "true", "introduced=0", "fixed=1.2", "introduced=2.0", "fixed=2.4"},
                new String[] {"2.4", "false", "introduced=0", "fixed=1.2", "introduced=2.0", "fixed=2.4"},
                new String[] {"1.7", "true", "introduced=1.0", "last_affected=1.7"},
                new String[] {"1.7.1", "false", "introduced=1.0", "last_affected=1.7"},
                new String[] {"0.9", "false", "introduced=1.0", "last_affected=1.7"},
                new String[] {"3.0", "true", "introduced=2.0"},
                new String[] {"3.0", "false", "introduced=2.0", "limit=2.5"},
                new String[] {"2.1", "true", "introduced=2.0", "limit=2.5"},
                new String[] {"3.0", "true", "introduced=2.0", "limit=*"});
        List<String> wrong = new ArrayList<>();
        for (String[] c : cases) {
            List<String[]> events = new ArrayList<>();
            List<String> versions = new ArrayList<>(List.of(c[0]));
            for (int i = 2; i < c.length; i++) {
                String[] kv = c[i].split("=");
                events.add(kv);
                versions.add(kv[1]);
            }
            ReferenceOrder order = ReferenceOrder.maven(versions);
            boolean affected = OsvOracle.inRange(c[0], events, order);
            if (affected != Boolean.parseBoolean(c[1])) {
                wrong.add(String.join(" ", c));
            }
        }
        assertEquals(List.of(), wrong);
    }
}
