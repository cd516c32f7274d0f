package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and help of the command line itself; the README documents every flag the help shows. */
class CommandLineTest {
    @Test
    void topLevelHelpListsTheCommands() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exit());
        for (String c : List.of("image", "fs", "cache clean", "version")) {
            assertTrue(r.out().contains("  " + c + " "), r.out());
        }
        assertEquals(0, CliRun.of().exit());
    }

    @Test
    void everyOptionInHelpIsDocumentedInTheReadme() throws Exception {
        Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
        String doc = Files.readString(readme);
        for (Command c : List.of(new ImageCommand(), new FsCommand(), new CacheCommand())) {
            CliRun help = CliRun.of((c.def().path() + " --help").split(" "));
            assertEquals(0, help.exit(), help.toString());
            for (Opt o : c.def().options()) {
                assertTrue(help.out().contains(o.primary()), o.primary());
                assertTrue(doc.contains("`" + o.primary()) || doc.contains(", `" + o.primary())
                        || doc.contains(o.primary() + " "), "README lacks " + o.primary());
            }
        }
    }

    @Test
    void theStartupCacheTrainingWorkloadRunsCleanly() {
        CliRun r = CliRun.of("train");
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void versionPrintsOneLine() {
        CliRun r = CliRun.of("version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("bulwark "), r.out());
        assertEquals(1, r.out().lines().count());
    }

    @Test
    void parsingRules() {
        CommandDef def = new CommandDef("x", "test", List.of(Opt.value("V", "v", "--value", "-v"),
                Opt.flag("f", "--flag"), Opt.repeated("R", "r", "--rep")), "ARG", false, "arg", List.of());
        ParsedArgs a = ParsedArgs.parse(def, List.of("--value=1", "--flag", "--rep", "a", "--rep", "b", "pos"));
        assertEquals("1", a.value("--value"));
        assertTrue(a.flag("--flag"));
        assertEquals(List.of("a", "b"), a.values("--rep"));
        assertEquals("pos", a.positional());
        assertEquals("-dash", ParsedArgs.parse(def, List.of("--", "-dash")).positional());
        assertEquals("2", ParsedArgs.parse(def, List.of("-v", "2")).value("--value"));
        for (List<String> bad : List.of(List.of("--nope"), List.of("--value"), List.of("--flag=1"),
                List.of("-v", "1", "-v", "2"), List.of("a", "b"))) {
            assertEquals(2, assertUsage(def, bad), bad.toString());
        }
        assertEquals(2, CliRun.of("nonsense").exit());
        assertEquals(2, CliRun.of("fs").exit(), "fs needs a PATH");
    }

    private static int assertUsage(CommandDef def, List<String> args) {
        try {
            ParsedArgs.parse(def, args);
            return 0;
        } catch (dev.bulwark.engine.BulwarkException e) {
            assertTrue(e.getMessage().contains("bulwark x --help"), e.getMessage());
            return e.kind().exitCode();
        }
    }
}
