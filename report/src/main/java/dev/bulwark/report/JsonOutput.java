package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Opens the streaming JSON generators all JSON writers share: UTF-8, two-space indent with {@code \n} line ends on
 * every platform (golden files are byte-exact), and the caller's stream left open. Strings go through
 * {@link ReportText#wellFormed} so no input can make the generator fail half-way through a document.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonOutput() {
    }

    public static JsonGenerator open(OutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        generator.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
        return generator;
    }

    /** Ends the document with a newline and flushes it, leaving the stream open. */
    public static void finish(JsonGenerator generator) throws IOException {
        generator.flush();
        generator.writeRaw('\n');
        generator.close();
    }

    /** Writes {@code "name": "value"}, or nothing when the value is null. */
    public static void string(JsonGenerator generator, String name, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(name, ReportText.wellFormed(value));
        }
    }

    /** Writes a string array element. */
    public static void element(JsonGenerator generator, String value) throws IOException {
        generator.writeString(ReportText.wellFormed(value));
    }
}
