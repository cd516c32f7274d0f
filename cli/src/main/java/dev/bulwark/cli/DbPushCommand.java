package dev.bulwark.cli;

import dev.bulwark.engine.advisory.feed.DatabaseArtifact;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.advisory.store.DatabaseMetadata;
import dev.bulwark.engine.image.Digest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code bulwark db push REF}: publishes the current database as an OCI artifact, for air-gapped distribution. */
final class DbPushCommand implements Command {
    private static final CommandDef DEF = new CommandDef("db push",
            "Push the advisory database to a registry as an OCI artifact.",
            List.of(AdvisoryDb.DB_DIR, ImageCommand.CA_CERT, ImageCommand.INSECURE, ImageCommand.USERNAME,
                    ImageCommand.PASSWORD_STDIN, ImageCommand.AUTHFILE, ReportOptions.DEBUG),
            "REF", true, "Where to push, e.g. registry.local:5000/bulwark/db:latest.", List.of());

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        Path file = AdvisoryDb.file(args);
        DatabaseMetadata meta;
        try (AdvisoryDatabase db = AdvisoryDb.open(args)) {
            db.verify();
            meta = db.metadata();
        }
        Digest digest = DatabaseArtifact.push(ImageSources.registryOptions(args.positional(), args, io), file,
                Map.of(DatabaseArtifact.SCHEMA_VERSION, Integer.toString(meta.schemaVersion()),
                        DatabaseArtifact.CREATED, meta.builtAt().toString()));
        io.text().println(Main.oneLine(args.positional()) + "@" + digest);
        return 0;
    }
}
