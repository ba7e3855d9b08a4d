package org.moneytree.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A dataset's generations of purchases (see {@code V3__dataset_generations.sql}): which one readers see, and
 * the removal of the others in small committed transactions. Rows of a generation that is not the visible
 * one are invisible, so they can go in any number of transactions, and a removal cut short by a crash is
 * simply finished by the next one.
 */
final class Generations {

    /**
     * Keeps an id slice's rows of one dataset and generation. Written so that no index on DATASET applies:
     * a slice must be read through the primary key, and H2 otherwise walked the whole generation through
     * the key index for every slice (a re-import of a million lines spent minutes deleting the old ones).
     */
    static final String SLICE_FILTER = "DATASET || '' = ? AND GENERATION = ?";

    private Generations() {
    }

    /** The dataset's visible generation; {@code null} when it has none (or does not exist). */
    static Long visible(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT GENERATION FROM MT_DATASET WHERE NAME = ?")) {
            query.setString(1, dataset);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return null;
                }
                long generation = result.getLong(1);
                return result.wasNull() ? null : generation;
            }
        }
    }

    /**
     * Removes every generation of the dataset but the visible one: what killed, failed or abandoned loads
     * left, and old generations whose removal was cut short. The caller holds the dataset's lock.
     *
     * @return the rows removed
     */
    static long removeLeftovers(Connection connection, String dataset, int batch) throws SQLException {
        Long visible = visible(connection, dataset);
        long removed = 0;
        Long leftover;
        while ((leftover = leftover(connection, dataset, visible)) != null) {
            removed += remove(connection, dataset, leftover, batch);
        }
        return removed;
    }

    private static Long leftover(Connection connection, String dataset, Long visible) throws SQLException {
        if (visible == null) {
            return first(connection, "SELECT GENERATION FROM MT_PURCHASE WHERE DATASET = ?"
                    + " ORDER BY GENERATION FETCH FIRST 1 ROW ONLY", dataset, null);
        }
        // Two range probes on the key index rather than GENERATION <> ?, which would read the visible rows too.
        Long newer = first(connection, "SELECT GENERATION FROM MT_PURCHASE WHERE DATASET = ? AND GENERATION > ?"
                + " ORDER BY GENERATION FETCH FIRST 1 ROW ONLY", dataset, visible);
        return newer != null ? newer : first(connection, "SELECT GENERATION FROM MT_PURCHASE WHERE DATASET = ?"
                + " AND GENERATION < ? ORDER BY GENERATION DESC FETCH FIRST 1 ROW ONLY", dataset, visible);
    }

    private static Long first(Connection connection, String sql, String dataset, Long generation)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, dataset);
            if (generation != null) {
                query.setLong(2, generation);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getLong(1) : null;
            }
        }
    }

    /**
     * Removes one generation's rows in slices of at most {@code batch} ids, committing each: one statement
     * deleting millions of rows would be the very transaction that large loads avoid.
     *
     * @return the rows removed
     */
    static long remove(Connection connection, String dataset, long generation, int batch) throws SQLException {
        long[] ids = idRange(connection, dataset, generation);
        if (ids == null) {
            return 0;
        }
        long removed = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM MT_PURCHASE WHERE ID >= ? AND ID < ?"
                + " AND " + SLICE_FILTER)) {
            for (long from = ids[0]; from <= ids[1]; from += batch) {
                delete.setLong(1, from);
                delete.setLong(2, from + batch);
                delete.setString(3, dataset);
                delete.setLong(4, generation);
                removed += delete.executeUpdate();
                connection.commit();
            }
        }
        return removed;
    }

    /** The lowest and highest id of a generation's rows, or {@code null} when it has none. */
    static long[] idRange(Connection connection, String dataset, long generation) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MIN(ID), MAX(ID) FROM MT_PURCHASE WHERE DATASET = ? AND GENERATION = ?")) {
            query.setString(1, dataset);
            query.setLong(2, generation);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                long low = result.getLong(1);
                return result.wasNull() ? null : new long[] { low, result.getLong(2) };
            }
        }
    }
}
