package dev.bulwark.engine.ecosystem.rpm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code rpmdb.sqlite} (rpm 4.16+, Fedora and RHEL 9's default): table {@code Packages}, declared by rpm as
 * {@code (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)}, holds one header blob per row. The table is
 * found through {@code sqlite_master} and the blob column by name in its declaration. Only the main file is read:
 * rows still in a {@code -wal} file beside it are not seen (rpm checkpoints on close, so images rarely have any).
 */
final class SqlitePackagesReader implements RpmDatabaseReader {
    private static final int MAX_SCHEMA_ROW = 1 << 20;
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
            "FOREIGN");

    @Override
    public void read(RandomAccessBytes db, HeaderBlobSink sink) throws IOException {
        SqliteFile file = new SqliteFile(db);
        Table table = findPackagesTable(file);
        file.walkTable(table.rootPage, MAX_BLOB + 64, new SqliteFile.RowVisitor() {
            @Override
            public boolean wantsMore() {
                return sink.wantsMore();
            }

            @Override
            public void row(long rowid, byte[] payload) {
                try {
                    List<Object> values = SqliteRecord.decode(payload, file.textEncoding());
                    Object blob = table.blobColumn < values.size() ? values.get(table.blobColumn) : null;
                    if (blob instanceof byte[] bytes) {
                        sink.blob(bytes);
                    } else {
                        sink.skipped("Packages row " + rowid + " has no blob");
                    }
                } catch (MalformedDatabaseException e) {
                    sink.skipped("Packages row " + rowid + ": " + e.getMessage());
                }
            }

            @Override
            public void skipped(String reason) {
                sink.skipped("Packages table " + reason);
            }
        });
    }

    private record Table(long rootPage, int blobColumn) {
    }

    private static Table findPackagesTable(SqliteFile file) throws IOException {
        List<Table> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        file.walkTable(1, MAX_SCHEMA_ROW, new SqliteFile.RowVisitor() {
            @Override
            public boolean wantsMore() {
                return found.isEmpty();
            }

            @Override
            public void row(long rowid, byte[] payload) {
                List<Object> v = SqliteRecord.decode(payload, file.textEncoding());
                if (v.size() >= 5 && "table".equals(v.get(0)) && "Packages".equals(v.get(1))
                        && v.get(3) instanceof Long root && v.get(4) instanceof String sql) {
                    int column = columns(sql).indexOf("blob");
                    if (column < 0) {
                        throw new MalformedDatabaseException("table Packages has no blob column: " + sql);
                    }
                    found.add(new Table(root, column));
                }
            }

            @Override
            public void skipped(String reason) {
                problems.add(reason);
            }
        });
        if (found.isEmpty()) {
            throw new MalformedDatabaseException("no table Packages in sqlite_master"
                    + (problems.isEmpty() ? "" : " (schema " + problems.get(0) + ")"));
        }
        return found.get(0);
    }

    /** Column names, lower-cased, from a CREATE TABLE statement; table constraints are left out. */
    static List<String> columns(String createTable) {
        int open = createTable.indexOf('(');
        int close = createTable.lastIndexOf(')');
        List<String> names = new ArrayList<>();
        if (open < 0 || close < open) {
            return names;
        }
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i <= close; i++) {
            char c = createTable.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if ((c == ',' && depth == 0) || i == close) {
                String name = firstWord(createTable.substring(start, i));
                if (!name.isEmpty() && !TABLE_CONSTRAINTS.contains(name.toUpperCase(Locale.ROOT))) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
                start = i + 1;
            }
        }
        return names;
    }

    private static String firstWord(String definition) {
        String d = definition.strip();
        if (!d.isEmpty() && "\"'`[".indexOf(d.charAt(0)) >= 0) {
            char quote = d.charAt(0) == '[' ? ']' : d.charAt(0);
            int end = d.indexOf(quote, 1);
            return end < 0 ? d.substring(1) : d.substring(1, end);
        }
        int end = 0;
        while (end < d.length() && !Character.isWhitespace(d.charAt(end))) {
            end++;
        }
        return d.substring(0, end);
    }
}
