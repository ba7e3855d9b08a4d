package org.moneytree.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the workspace database to the current schema with Flyway, from the versioned SQL scripts in this
 * bundle's {@code db/migration} folder. Flyway is given this bundle's class loader: with its own it would
 * find no scripts and report success, so an empty migration history is treated as an error.
 */
final class SchemaMigrations {

    /**
     * Flyway logs each step at INFO through java.util.logging, which would land on the user's terminal. The
     * logger is held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private SchemaMigrations() {
    }

    /**
     * Migrates the database. The scripts are portable SQL but for two placeholders: {@code ${large_binary}},
     * the type of a large binary value, {@code BLOB} on H2 and {@code BYTEA} on PostgreSQL, and
     * {@code ${large_binary_storage}}, PostgreSQL's statement to store the tier blocks uncompressed (nothing
     * on H2). H2 keeps a BLOB
     * apart from its row, so deleting it is cheap; deleting the same value kept in the row (BYTEA) copied it
     * into H2's undo log: removing a run's 250 MB of blocks took 19 s and grew the file by 2 GB.
     *
     * @return the schema version the database is at now
     * @throws IllegalStateException when a migration fails or no migration could be found
     */
    static String migrate(DataSource dataSource, String where, boolean postgresql) {
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .placeholders(Map.of("large_binary", postgresql ? "BYTEA" : "BLOB", "large_binary_storage",
                        postgresql ? "ALTER TABLE MT_TIER_BLOCK_DATA ALTER COLUMN DATA SET STORAGE EXTERNAL;" : ""))
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            if (current == null) {
                throw new IllegalStateException("no schema migrations found for " + where
                        + "; is the Flyway bundle started?");
            }
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : current.getVersion().getVersion();
        } catch (FlywayException e) {
            if (madeWithoutMigrations(dataSource)) {
                // Flyway's own advice (baseline) would mark unknown tables as up to date; the user needs to know
                // what to do instead, and that message is the root cause the command line shows
                IllegalStateException stale = new IllegalStateException(where + " holds Moneytree tables from an"
                        + " earlier version that kept no schema history, which this version cannot bring up to date: "
                        + (postgresql ? "configure an empty database" : "move the workspace away (or choose another"
                                + " with MONEYTREE_WORKSPACE)") + " and import the data again");
                stale.addSuppressed(e);
                throw stale;
            }
            throw new IllegalStateException(where + " cannot be brought to the current schema: " + e.getMessage(), e);
        }
    }

    /** Whether the database's schema has Moneytree tables ({@code MT_...}) but no Flyway schema history. */
    private static boolean madeWithoutMigrations(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                        new String[] { "TABLE" })) {
            boolean moneytree = false;
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
                if (name.equals("FLYWAY_SCHEMA_HISTORY")) {
                    return false;
                }
                moneytree |= name.startsWith("MT_");
            }
            return moneytree;
        } catch (SQLException e) {
            return false;
        }
    }
}
