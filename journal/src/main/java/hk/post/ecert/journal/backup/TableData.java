package hk.post.ecert.journal.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One table's rows as data, never as SQL (issue 31, finding 1): the column names, then each row's values, each tagged
 * with its type. A restore binds every value as a parameter of an INSERT into a table and columns that the restoring
 * software's own migrations made, so nothing in a backup is ever run.
 */
final class TableData {

    private static final byte NULL = 0, LONG = 1, TEXT = 2, BYTES = 3, BOOL = 4, DECIMAL = 5, TIMESTAMP = 6, DATE = 7, DOUBLE = 8,
            TIMESTAMP_TZ = 9, TIME = 10;
    private static final byte ROW = 1, END = 0;

    private TableData() {
    }

    /** Writes every row of {@code table} (a name read from the database's own catalogue). */
    static long write(Connection c, String table, DataOutputStream out) throws SQLException, IOException {
        long rows = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table))) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            out.writeInt(n);
            for (int i = 1; i <= n; i++) {
                text(out, md.getColumnName(i));
            }
            while (rs.next()) {
                out.writeByte(ROW);
                for (int i = 1; i <= n; i++) {
                    value(out, rs.getObject(i), table + "." + md.getColumnName(i));
                }
                rows++;
            }
            out.writeByte(END);
        }
        return rows;
    }

    /** Inserts the rows into {@code table}, whose columns are {@code known}; a column the schema lacks is refused. */
    static long read(Connection c, String table, Set<String> known, DataInputStream in) throws SQLException, IOException {
        int n = in.readInt();
        if (n <= 0 || n > 500) {
            throw new IOException("table " + table + " in the backup is damaged");
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String col = text(in);
            if (!known.contains(col)) {
                throw new IOException("the backup's table " + table + " has a column " + col + " this version does not have: refused");
            }
            columns.add(col);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(table)).append(" (");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(columns.get(i)));
        }
        sql.append(") VALUES (").append("?, ".repeat(n - 1)).append("?)");
        long rows = 0;
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int marker; (marker = in.readByte()) == ROW; ) {
                for (int i = 1; i <= n; i++) {
                    p.setObject(i, value(in));
                }
                p.addBatch();
                if (++rows % 500 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return rows;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void value(DataOutputStream out, Object v, String where) throws IOException, SQLException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.writeByte(LONG);
            out.writeLong(((Number) v).longValue());
        } else if (v instanceof String s) {
            out.writeByte(TEXT);
            text(out, s);
        } else if (v instanceof Clob clob) {
            out.writeByte(TEXT);
            text(out, clob.getSubString(1, (int) clob.length()));
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof Blob blob) {
            byte[] b = blob.getBytes(1, (int) blob.length());
            out.writeByte(BYTES);
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOL);
            out.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            out.writeByte(DECIMAL);
            text(out, d.toPlainString());
        } else if (v instanceof java.sql.Timestamp t) {
            out.writeByte(TIMESTAMP);
            text(out, t.toLocalDateTime().toString());
        } else if (v instanceof LocalDateTime t) {
            out.writeByte(TIMESTAMP);
            text(out, t.toString());
        } else if (v instanceof java.sql.Date d) {
            out.writeByte(DATE);
            text(out, d.toLocalDate().toString());
        } else if (v instanceof LocalDate d) {
            out.writeByte(DATE);
            text(out, d.toString());
        } else if (v instanceof OffsetDateTime t) {
            out.writeByte(TIMESTAMP_TZ);
            text(out, t.toString());
        } else if (v instanceof java.sql.Time t) {
            out.writeByte(TIME);
            text(out, t.toLocalTime().toString());
        } else if (v instanceof LocalTime t) {
            out.writeByte(TIME);
            text(out, t.toString());
        } else if (v instanceof Double || v instanceof Float) {
            out.writeByte(DOUBLE);
            out.writeDouble(((Number) v).doubleValue());
        } else {
            throw new IOException(where + " holds a " + v.getClass().getName() + ", which the backup does not know how to keep");
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case TEXT -> text(in);
            case BYTES -> {
                int n = in.readInt();
                if (n < 0 || n > 256 * 1024 * 1024) {
                    throw new IOException("the backup is damaged");
                }
                yield in.readNBytes(n);
            }
            case BOOL -> in.readBoolean();
            case DECIMAL -> new BigDecimal(text(in));
            case TIMESTAMP -> LocalDateTime.parse(text(in));
            case DATE -> LocalDate.parse(text(in));
            case TIMESTAMP_TZ -> OffsetDateTime.parse(text(in));
            case TIME -> LocalTime.parse(text(in));
            case DOUBLE -> in.readDouble();
            default -> throw new IOException("the backup is damaged (a value of unknown type " + tag + ")");
        };
    }

    static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64 * 1024 * 1024) {
            throw new IOException("the backup is damaged");
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("the backup is cut short");
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
