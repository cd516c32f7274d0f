package dev.bulwark.engine.ecosystem.python;

import dev.bulwark.engine.catalog.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The header fields of a core metadata file ({@code METADATA}, {@code PKG-INFO}): RFC 822 style {@code Key: value}
 * lines, continued by indented lines, ended by a blank line before the description, which is not read.
 */
record CoreMetadata(String name, String version, String license, String licenseExpression,
        List<String> classifiers, List<String> requiresDist) {
    static final int MAX_LINE = 64 << 10;
    static final int MAX_FIELDS = 20_000;

    static CoreMetadata read(InputStream in) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE);
        String name = null;
        String version = null;
        StringBuilder license = null;
        String expression = null;
        List<String> classifiers = new ArrayList<>();
        List<String> requires = new ArrayList<>();
        String line;
        String field = null;
        int fields = 0;
        while ((line = lines.readLine()) != null && !line.isEmpty() && fields++ < MAX_FIELDS) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if ("license".equals(field) && license != null && license.length() < MAX_LINE) {
                    license.append('\n').append(line.strip());
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                field = null;
                continue;
            }
            field = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "name" -> name = name == null ? value : name;
                case "version" -> version = version == null ? value : version;
                case "license" -> license = new StringBuilder(value);
                case "license-expression" -> expression = value;
                case "classifier" -> classifiers.add(value);
                case "requires-dist" -> requires.add(value);
                default -> {
                }
            }
        }
        return new CoreMetadata(name, version, license == null ? null : license.toString().strip(), expression,
                classifiers, requires);
    }

    /**
     * The declared licenses: the SPDX {@code License-Expression} (metadata 2.4) when present, else a short
     * {@code License} field (long ones are the license text itself), else the license classifiers' names.
     */
    List<String> licenses() {
        if (licenseExpression != null && !licenseExpression.isEmpty()) {
            return List.of(licenseExpression);
        }
        if (license != null && !license.isEmpty() && license.indexOf('\n') < 0 && license.length() <= 100
                && !license.equalsIgnoreCase("UNKNOWN")) {
            return List.of(license);
        }
        List<String> out = new ArrayList<>();
        for (String c : classifiers) {
            if (c.startsWith("License ::")) {
                String last = c.substring(c.lastIndexOf("::") + 2).strip();
                if (!last.isEmpty() && !last.equals("OSI Approved") && !out.contains(last)) {
                    out.add(last);
                }
            }
        }
        return out;
    }

    /** The normalised names of run-time requirements; those only wanted for an extra are left out. */
    List<String> runtimeRequirementNames() {
        List<String> out = new ArrayList<>();
        for (String r : requiresDist) {
            int semi = r.indexOf(';');
            if (semi >= 0 && r.substring(semi).replace(" ", "").contains("extra==")) {
                continue;
            }
            String n = Pep503.requirementName(r);
            if (n != null && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
