package io.jixiao.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates databases on any PostgreSQL server, embedded or not. */
public final class PostgresDatabases {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgresDatabases() {
    }

    /**
     * Creates database {@code name} (UTF-8) unless it exists, connecting to the {@code postgres}
     * database of {@code serverUrl} ({@code jdbc:postgresql://host:port}). Names are lower-case
     * letters, digits and underscores.
     */
    public static void createIfMissing(String serverUrl, String user, String password, String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl + "/postgres", user, password)) {
            if (!exists(connection, name)) {
                create(connection, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + serverUrl, e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void create(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently, fine
                throw e;
            }
        }
    }
}
