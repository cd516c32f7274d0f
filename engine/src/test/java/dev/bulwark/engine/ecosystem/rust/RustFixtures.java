package dev.bulwark.engine.ecosystem.rust;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The binary and lockfile of {@code rust-binaries.sh}, built by cargo and cached by the script's hash. */
final class RustFixtures {
    private static Path built;

    private RustFixtures() {
    }

    static synchronized Path dir() {
        if (built == null) {
            try {
                Path script = Path.of(RustFixtures.class.getResource("rust-binaries.sh").toURI());
                String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(script))).substring(0, 16);
                Path out = Fixtures.cacheRoot().resolve("rust-binaries-" + key);
                if (!Files.exists(out.resolve(".complete"))) {
                    Tools.run(900, "bash", script.toString(), out.toString());
                }
                built = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return built;
    }

    record Result(List<Package> packages, List<Warning> warnings) {
    }

    static Result parse(Cataloger cataloger, String path, byte[] content) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = cataloger.parse(new CatalogFile(path, content.length,
                new ByteArrayInputStream(content)), (c, m) -> warnings.add(new Warning(c, m)));
        return new Result(packages, warnings);
    }
}
