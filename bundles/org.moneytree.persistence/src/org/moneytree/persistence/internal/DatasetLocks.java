package org.moneytree.persistence.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One load at a time per dataset. A load writes a new generation beside the visible one and cleans up what
 * earlier loads left behind; without this lock it could take a running load's rows for leftovers, or a
 * small load's changes could be lost when a large load publishes a generation copied before them.
 *
 * <p>Loads in this process queue on a semaphore per dataset. On PostgreSQL, which other processes share,
 * the load's connection also holds a session advisory lock, which the server releases when the connection
 * or the process ends, so a killed import never leaves the dataset locked. An embedded H2 file is open in
 * one process only, so the semaphore is enough there.
 *
 * <p>Locks of different kinds are independent: {@link JdbcTierHistory} holds its own kind, {@code "tiers"}, so
 * that saving a period's tiers neither waits for a purchase load of the dataset nor holds one up.
 */
final class DatasetLocks {

    private final ConcurrentHashMap<String, Semaphore> inProcess = new ConcurrentHashMap<>();
    private final boolean postgresql;
    private final String kind;

    /** Locks for loads of purchases and archive records. */
    DatasetLocks(boolean postgresql) {
        this(postgresql, "dataset");
    }

    /** Locks of their own kind: independent of the locks of any other kind. */
    DatasetLocks(boolean postgresql, String kind) {
        this.postgresql = postgresql;
        this.kind = kind;
    }

    /** Waits until no other load holds the dataset, then holds it with {@code connection}. */
    Held lock(Connection connection, String dataset) throws SQLException {
        Semaphore semaphore = semaphore(dataset);
        semaphore.acquireUninterruptibly();
        try {
            if (postgresql) {
                advisory(connection, "SELECT pg_advisory_lock(?)", dataset);
            }
        } catch (SQLException | RuntimeException e) {
            semaphore.release();
            throw e;
        }
        return new Held(connection, dataset, semaphore);
    }

    /** Holds the dataset if no load holds it now; {@code null} otherwise. */
    Held tryLock(Connection connection, String dataset) throws SQLException {
        Semaphore semaphore = semaphore(dataset);
        if (!semaphore.tryAcquire()) {
            return null;
        }
        try {
            if (postgresql && !advisory(connection, "SELECT pg_try_advisory_lock(?)", dataset)) {
                semaphore.release();
                return null;
            }
        } catch (SQLException | RuntimeException e) {
            semaphore.release();
            throw e;
        }
        return new Held(connection, dataset, semaphore);
    }

    private Semaphore semaphore(String dataset) {
        return inProcess.computeIfAbsent(dataset, name -> new Semaphore(1));
    }

    private boolean advisory(Connection connection, String sql, String dataset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key(kind, dataset));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                // pg_advisory_lock returns void (an empty string to JDBC); only the try variant answers.
                boolean locked = !sql.contains("_try_") || result.getBoolean(1);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return locked;
            }
        }
    }

    /**
     * The advisory lock's 64-bit key: a digest of the kind and the dataset name, so that datasets hardly ever
     * share one. The kind {@code dataset} gives the keys loads have always used.
     */
    private static long key(String kind, String dataset) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("moneytree " + kind + "\u001f" + dataset).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A held dataset; closing lets the next load in. */
    final class Held implements AutoCloseable {
        private final Connection connection;
        private final String dataset;
        private final Semaphore semaphore;
        private boolean released;

        private Held(Connection connection, String dataset, Semaphore semaphore) {
            this.connection = connection;
            this.dataset = dataset;
            this.semaphore = semaphore;
        }

        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                if (postgresql && !connection.isClosed()) {
                    advisory(connection, "SELECT pg_advisory_unlock(?)", dataset);
                }
            } catch (SQLException | RuntimeException e) {
                // The server releases the lock with the session, which ends when the connection closes.
            } finally {
                semaphore.release();
            }
        }
    }
}
