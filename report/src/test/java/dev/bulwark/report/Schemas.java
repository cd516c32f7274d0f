package dev.bulwark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON schemas the reports are checked against, loaded from the classpath: Bulwark's own, the official
 * CycloneDX 1.6 schema (with the spdx and jsf schemas it references, from the cyclonedx-core-java jar) and the
 * official SPDX 2.3 schema (from the tools-java jar). Remote $ids are mapped to classpath resources, so nothing is
 * fetched from the network.
 */
public final class Schemas {
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    public static final JsonSchema BULWARK = load(SpecVersion.VersionFlag.V202012,
            "classpath:dev/bulwark/report/bulwark-report-1.schema.json");
    public static final JsonSchema CYCLONEDX = load(SpecVersion.VersionFlag.V7,
            "http://cyclonedx.org/schema/bom-1.6.schema.json");
    public static final JsonSchema SPDX = load(SpecVersion.VersionFlag.V201909, "classpath:resources/spdx-schema-v2.3.json");

    private Schemas() {
    }

    /** The validation messages, one per line; empty when the document is valid. */
    public static String errors(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
    }

    private static JsonSchema load(SpecVersion.VersionFlag version, String location) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix("http://cyclonedx.org/schema/", "classpath:")));
        JsonSchema schema = factory.getSchema(SchemaLocation.of(location), CONFIG);
        schema.initializeValidators();
        return schema;
    }
}
