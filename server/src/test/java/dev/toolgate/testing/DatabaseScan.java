package dev.toolgate.testing;

import dev.toolgate.storage.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads every value of every table of the current schema, to prove what is (not) stored. */
public final class DatabaseScan {
    /** One stored value. */
    public record Cell(String table, String column, byte[] bytes) {}

    private DatabaseScan() {}

    /** Every non-null cell, text as UTF-8 bytes, binary as is. */
    public static List<Cell> cells(Database database) {
        try (Connection connection = database.dataSource().getConnection()) {
            List<Cell> cells = new ArrayList<>();
            for (String table : tables(connection)) {
                cells.addAll(cellsOf(connection, table));
            }
            return cells;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scan the database", e);
        }
    }

    public static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static List<Cell> cellsOf(Connection connection, String table) throws SQLException {
        List<Cell> cells = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    if (value != null) {
                        byte[] bytes =
                                value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
                        cells.add(new Cell(table, rs.getMetaData().getColumnName(i), bytes));
                    }
                }
            }
        }
        return cells;
    }
}
