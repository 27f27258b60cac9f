package io.jixiao.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * What a person who copied the databases or the broker's disks could read, for the tests of 加密删除: every row of
 * every table as a dump would hold it, the bytes of every file of a directory, and a search of both for a text.
 */
public final class PlainTextScan {
    private PlainTextScan() {
    }

    /**
     * Every row of every table of every schema but the catalogues ({@code COPY (SELECT * FROM t) TO STDOUT}, bytea as
     * hex, as pg_dump writes it; a partitioned table's rows twice, through it and its partitions): the embedded
     * PostgreSQL has no pg_dump binary.
     */
    public static byte[] databaseDump(Connection connection) throws SQLException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String table : tables(connection)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM " + table + ") TO STDOUT", out);
        }
        return out.toByteArray();
    }

    /** The tables {@link #databaseDump} copies, as {@code schema.table}. */
    public static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                + "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The bytes of every file under {@code directory} (a broker's log directory: segments, indexes, checkpoints). */
    public static byte[] files(Path directory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    out.write(Files.readAllBytes(file));
                } catch (IOException e) {
                    // a segment rolled or deleted while walking
                }
            }
        }
        return out.toByteArray();
    }

    /** Whether {@code bytes} hold {@code text} as UTF-8, or its UTF-8 as hex (a bytea column in COPY's text form). */
    public static boolean contains(byte[] bytes, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] hex = HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII);
        return indexOf(bytes, utf8) >= 0 || indexOf(bytes, hex) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
