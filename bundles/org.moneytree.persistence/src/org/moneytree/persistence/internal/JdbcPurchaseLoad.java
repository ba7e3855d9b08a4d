package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import javax.sql.DataSource;

import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseLoad;
import org.moneytree.api.purchase.StoreResult;

/**
 * A bulk load, in one of two ways depending on its size, both all or nothing for readers.
 *
 * <p><b>Small loads</b> (up to {@link LoadSettings#smallLoadRows()} purchases) run in one JDBC transaction:
 * rows go into a temporary staging table in JDBC batches as they arrive, and the commit merges them into
 * the dataset's visible generation with one SQL {@code MERGE}. A rollback or a crash leaves nothing.
 *
 * <p><b>Large loads</b> switch, once the load passes that size, to writing a new, invisible generation of
 * the dataset (see {@link Generations}) in committed batches of {@link LoadSettings#batchRows()} rows. The
 * commit compares it with the visible generation (for the counts), carries over the visible rows the load
 * did not bring, in id slices, and then makes it the visible one in a transaction that updates one row;
 * the old generation is removed afterwards in slices. No transaction grows with the file, so neither the
 * database's undo log nor its file does, and whatever a killed or failed load leaves is invisible and is
 * removed by the next load of the dataset or the store's next start.
 *
 * <p>Equal lines are numbered as they arrive ({@link OccurrenceCounter}, a few bytes per distinct line);
 * the rows themselves are never held in memory. A load holds its dataset's lock ({@link DatasetLocks})
 * from open to close.
 */
final class JdbcPurchaseLoad implements PurchaseLoad {

    /** Rows per JDBC batch: a round trip per row would be slow, a huge batch only costs memory. */
    private static final int JDBC_BATCH = 5_000;

    /**
     * The staging table: a session's own temporary table, dropped with the transaction, so that staged rows
     * need no deleting (deleting a million rows took H2 longer than merging them) and never reach the log.
     */
    private static final String CREATE_STAGE = "CREATE LOCAL TEMPORARY TABLE MT_PURCHASE_STAGE ("
            + "PURCHASE_KEY VARCHAR(64) NOT NULL, CUSTOMER_ID VARCHAR(100) NOT NULL,"
            + " PURCHASE_DATE DATE NOT NULL, ORDER_ID VARCHAR(100), PRODUCT VARCHAR(200), CATEGORY VARCHAR(200),"
            + " QUANTITY DECIMAL(19, 4) NOT NULL, REVENUE DECIMAL(19, 2) NOT NULL, COST_OF_GOODS DECIMAL(19, 2))"
            + " ON COMMIT DROP";

    private static final String COLUMNS = "PURCHASE_KEY, CUSTOMER_ID, PURCHASE_DATE, ORDER_ID, PRODUCT, CATEGORY,"
            + " QUANTITY, REVENUE, COST_OF_GOODS";

    private static final String STAGE = "INSERT INTO MT_PURCHASE_STAGE (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A large load's rows go straight into their generation; the key is unique within a load already. */
    private static final String WRITE = "INSERT INTO MT_PURCHASE (" + COLUMNS + ", DATASET, GENERATION)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String COUNT_STORED = "SELECT COUNT(*) FROM MT_PURCHASE WHERE DATASET = ? AND GENERATION = ?";

    /** The values a purchase line is compared on: {@code a} as stored, {@code b} as loaded. */
    private static final String SAME_VALUES = "a.CUSTOMER_ID = b.CUSTOMER_ID AND a.PURCHASE_DATE = b.PURCHASE_DATE"
            + " AND a.ORDER_ID IS NOT DISTINCT FROM b.ORDER_ID AND a.PRODUCT IS NOT DISTINCT FROM b.PRODUCT"
            + " AND a.CATEGORY IS NOT DISTINCT FROM b.CATEGORY AND a.QUANTITY = b.QUANTITY"
            + " AND a.REVENUE = b.REVENUE AND a.COST_OF_GOODS IS NOT DISTINCT FROM b.COST_OF_GOODS";

    private static final String MERGE = "MERGE INTO MT_PURCHASE a USING MT_PURCHASE_STAGE b"
            + " ON (a.DATASET = ? AND a.GENERATION = ? AND a.PURCHASE_KEY = b.PURCHASE_KEY)"
            + " WHEN MATCHED AND NOT (" + SAME_VALUES + ")"
            + " THEN UPDATE SET CUSTOMER_ID = b.CUSTOMER_ID, PURCHASE_DATE = b.PURCHASE_DATE,"
            + " ORDER_ID = b.ORDER_ID, PRODUCT = b.PRODUCT, CATEGORY = b.CATEGORY, QUANTITY = b.QUANTITY,"
            + " REVENUE = b.REVENUE, COST_OF_GOODS = b.COST_OF_GOODS"
            + " WHEN NOT MATCHED THEN INSERT (DATASET, GENERATION, " + COLUMNS + ") VALUES (?, ?, b.PURCHASE_KEY,"
            + " b.CUSTOMER_ID, b.PURCHASE_DATE, b.ORDER_ID, b.PRODUCT, b.CATEGORY, b.QUANTITY, b.REVENUE,"
            + " b.COST_OF_GOODS)";

    /** Into an empty dataset nothing can match, and a plain insert is much faster than a merge in H2. */
    private static final String INSERT_STAGED = "INSERT INTO MT_PURCHASE (DATASET, GENERATION, " + COLUMNS
            + ") SELECT ?, ?, " + COLUMNS + " FROM MT_PURCHASE_STAGE";

    /** How many loaded lines were stored before, and how many of those exactly so. */
    private static final String COMPARE = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN " + SAME_VALUES
            + " THEN 1 ELSE 0 END), 0) FROM MT_PURCHASE b JOIN MT_PURCHASE a ON a.DATASET = b.DATASET"
            + " AND a.GENERATION = ? AND a.PURCHASE_KEY = b.PURCHASE_KEY WHERE b.DATASET = ? AND b.GENERATION = ?";

    /** Visible rows the load did not bring stay: copied into the new generation, one id slice at a time. */
    private static final String CARRY_OVER = "INSERT INTO MT_PURCHASE (DATASET, GENERATION, " + COLUMNS
            + ") SELECT a.DATASET, ?, a.PURCHASE_KEY, a.CUSTOMER_ID, a.PURCHASE_DATE, a.ORDER_ID, a.PRODUCT,"
            + " a.CATEGORY, a.QUANTITY, a.REVENUE, a.COST_OF_GOODS FROM MT_PURCHASE a WHERE a.ID >= ? AND a.ID < ?"
            // As in Generations.SLICE_FILTER: the slice is read through the primary key, not a DATASET index.
            + " AND a.DATASET || '' = ? AND a.GENERATION = ?"
            + " AND NOT EXISTS (SELECT 1 FROM MT_PURCHASE b WHERE b.DATASET = a.DATASET AND b.GENERATION = ?"
            + " AND b.PURCHASE_KEY = a.PURCHASE_KEY)";

    private final String dataset;
    private final boolean postgresql;
    private final LoadSettings settings;
    private final Connection connection;
    private final DatasetLocks.Held lock;
    private final MessageDigest digest;
    private final OccurrenceCounter occurrences = new OccurrenceCounter();
    /** The visible generation when the load started; {@code null} for a dataset with none. */
    private final Long visible;
    /** The staging table's insert while small, the new generation's insert once large. */
    private PreparedStatement rows;
    /** The generation a large load writes; {@code null} while the load is small. */
    private Long generation;
    private boolean published;
    private long size;
    private int batched;
    private long uncommitted;
    private boolean open = true;

    JdbcPurchaseLoad(DataSource dataSource, boolean postgresql, DatasetLocks locks, LoadSettings settings,
            String dataset) {
        this.dataset = dataset;
        this.postgresql = postgresql;
        this.settings = settings;
        this.digest = sha256();
        Connection opened = null;
        DatasetLocks.Held held = null;
        try {
            opened = dataSource.getConnection();
            opened.setAutoCommit(false);
            held = locks.lock(opened, dataset);
            Generations.removeLeftovers(opened, dataset, settings.batchRows());
            visible = Generations.visible(opened, dataset);
            opened.commit();
            try (Statement create = opened.createStatement()) {
                create.execute(CREATE_STAGE);
            }
            rows = opened.prepareStatement(STAGE);
        } catch (SQLException | RuntimeException e) {
            if (held != null) {
                held.close();
            }
            closeQuietly(opened);
            throw new IllegalStateException("cannot start writing purchases to the database: "
                    + Failures.describe(e), e);
        }
        connection = opened;
        lock = held;
    }

    @Override
    public void add(Purchase purchase) {
        requireOpen();
        try {
            if (generation == null && size == settings.smallLoadRows()) {
                becomeLarge();
            }
            rows.setString(1, purchaseKey(purchase));
            rows.setString(2, purchase.customerId());
            rows.setDate(3, Date.valueOf(purchase.date()));
            setString(4, purchase.orderId());
            setString(5, purchase.product());
            setString(6, purchase.category());
            rows.setBigDecimal(7, purchase.quantity().setScale(4, RoundingMode.HALF_EVEN));
            rows.setBigDecimal(8, money(purchase.revenue()));
            if (purchase.costOfGoods() == null) {
                rows.setNull(9, Types.DECIMAL);
            } else {
                rows.setBigDecimal(9, money(purchase.costOfGoods()));
            }
            if (generation != null) {
                rows.setString(10, dataset);
                rows.setLong(11, generation);
            }
            rows.addBatch();
            size++;
            uncommitted++;
            if (++batched == JDBC_BATCH) {
                rows.executeBatch();
                batched = 0;
            }
            if (generation != null && uncommitted >= settings.batchRows()) {
                flush();
            }
        } catch (SQLException | RuntimeException e) {
            throw failure("cannot store purchase " + (size + 1) + " of the load", e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public StoreResult commit() {
        requireOpen();
        try {
            return generation == null ? commitSmall() : commitLarge();
        } catch (SQLException | RuntimeException e) {
            throw failure("cannot store the purchases", e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            rows.close();
            connection.rollback();
            if (generation != null && !published) {
                // An abandoned large load tidies up after itself; should that fail too, its rows stay
                // invisible and the next load of the dataset or the next start removes them.
                Generations.remove(connection, dataset, generation, settings.batchRows());
            }
        } catch (SQLException | RuntimeException e) {
            // Nothing of this load is visible whatever happens here.
        } finally {
            lock.close();
            // H2 commits DDL at once, so a rolled-back load's staging table would outlive the transaction;
            // it goes with the session, which closing the connection ends.
            closeQuietly(connection);
        }
    }

    private void flush() throws SQLException {
        if (batched > 0) {
            rows.executeBatch();
            batched = 0;
        }
        if (generation != null) {
            connection.commit();
            uncommitted = 0;
        }
    }

    /**
     * From here on the load writes a new generation in committed batches: the rows staged so far move into
     * it in one transaction of {@link LoadSettings#smallLoadRows()} rows at most.
     */
    private void becomeLarge() throws SQLException {
        flush();
        createDataset(null);
        long next = visible == null ? 1 : visible + 1;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_STAGED)) {
            insert.setString(1, dataset);
            insert.setLong(2, next);
            insert.executeUpdate();
        }
        rows.close();
        rows = connection.prepareStatement(WRITE);
        generation = next;
        connection.commit();
    }

    private StoreResult commitSmall() throws SQLException {
        flush();
        createDataset(0L);
        long current = visible == null ? 0 : visible;
        long before = storedCount(current);
        int merged;
        if (before == 0) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_STAGED)) {
                insert.setString(1, dataset);
                insert.setLong(2, current);
                merged = insert.executeUpdate();
            }
        } else {
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                merge.setString(1, dataset);
                merge.setLong(2, current);
                merge.setString(3, dataset);
                merge.setLong(4, current);
                merged = merge.executeUpdate();
            }
        }
        long added = storedCount(current) - before;
        connection.commit();
        return new StoreResult(dataset, size, added, merged - added, size - merged);
    }

    private StoreResult commitLarge() throws SQLException {
        flush();
        long matched = 0;
        long unchanged = 0;
        if (postgresql) {
            // PostgreSQL has no statistics yet for the rows just written, guesses a handful, and joins the
            // generations in a nested loop: 70,000 lines took minutes. ANALYZE samples, so it is quick.
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE MT_PURCHASE");
            }
            connection.commit();
        }
        if (visible != null) {
            try (PreparedStatement compare = connection.prepareStatement(COMPARE)) {
                compare.setLong(1, visible);
                compare.setString(2, dataset);
                compare.setLong(3, generation);
                try (ResultSet result = compare.executeQuery()) {
                    result.next();
                    matched = result.getLong(1);
                    unchanged = result.getLong(2);
                }
            }
            connection.commit();
            carryOver();
        }
        try (PreparedStatement publish = connection.prepareStatement(
                "UPDATE MT_DATASET SET GENERATION = ? WHERE NAME = ?")) {
            publish.setLong(1, generation);
            publish.setString(2, dataset);
            publish.executeUpdate();
        }
        connection.commit();
        published = true;
        if (visible != null) {
            try {
                Generations.remove(connection, dataset, visible, settings.batchRows());
            } catch (SQLException e) {
                // The load is stored; the old rows are invisible and the next load or start removes them.
            }
        }
        return new StoreResult(dataset, size, size - matched, matched - unchanged, unchanged);
    }

    private void carryOver() throws SQLException {
        long[] ids = Generations.idRange(connection, dataset, visible);
        if (ids == null) {
            return;
        }
        try (PreparedStatement copy = connection.prepareStatement(CARRY_OVER)) {
            for (long from = ids[0]; from <= ids[1]; from += settings.batchRows()) {
                copy.setLong(1, generation);
                copy.setLong(2, from);
                copy.setLong(3, from + settings.batchRows());
                copy.setString(4, dataset);
                copy.setLong(5, visible);
                copy.setLong(6, generation);
                copy.executeUpdate();
                connection.commit();
            }
        }
    }

    /**
     * Creates the dataset if it is new. A small load makes it visible with generation 0 in its own
     * transaction; a large one creates it without a visible generation, so it stays unlisted until published.
     */
    private void createDataset(Long visibleGeneration) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("INSERT INTO MT_DATASET (NAME, CREATED_AT,"
                + " GENERATION) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM MT_DATASET WHERE NAME = ?)")) {
            create.setString(1, dataset);
            create.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            if (visibleGeneration == null) {
                create.setNull(3, Types.BIGINT);
            } else {
                create.setLong(3, visibleGeneration);
            }
            create.setString(4, dataset);
            create.executeUpdate();
        }
        if (visibleGeneration != null) {
            // A dataset whose first large load was killed exists without a generation.
            try (PreparedStatement adopt = connection.prepareStatement(
                    "UPDATE MT_DATASET SET GENERATION = ? WHERE NAME = ? AND GENERATION IS NULL")) {
                adopt.setLong(1, visibleGeneration);
                adopt.setString(2, dataset);
                adopt.executeUpdate();
            }
        }
    }

    private long storedCount(long generation) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT_STORED)) {
            count.setString(1, dataset);
            count.setLong(2, generation);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void setString(int index, String value) throws SQLException {
        if (value == null) {
            rows.setNull(index, Types.VARCHAR);
        } else {
            rows.setString(index, value);
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * The purchase key: a digest of the natural key and the line's occurrence number among lines of this
     * load with the same natural key. An order line is recognised by order and product, so a changed amount
     * updates it; a line without an order id only by all of its values.
     */
    private String purchaseKey(Purchase purchase) {
        String text = purchase.orderId() != null
                ? "order\u001f" + purchase.orderId() + '\u001f' + nullToEmpty(purchase.product())
                : "line\u001f" + purchase.customerId() + '\u001f' + purchase.date() + '\u001f'
                        + nullToEmpty(purchase.product()) + '\u001f' + nullToEmpty(purchase.category()) + '\u001f'
                        + purchase.quantity().stripTrailingZeros().toPlainString() + '\u001f'
                        + money(purchase.revenue()).toPlainString() + '\u001f'
                        + (purchase.costOfGoods() == null ? "" : money(purchase.costOfGoods()).toPlainString());
        byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        int occurrence = occurrences.increment(ByteBuffer.wrap(hash).getLong());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18)) + '#' + occurrence;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("this purchase load was committed or closed already");
        }
    }

    private RuntimeException failure(String what, Exception e) {
        // Described before closing: a failing close must not replace the reason the user needs to see.
        IllegalStateException failure = new IllegalStateException(what + ": " + Failures.describe(e), e);
        close();
        return failure;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException e) {
                // nothing more to release
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
