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
 * A bulk load in one JDBC transaction: rows go into a temporary staging table in JDBC batches as they arrive, and
 * the commit merges them into {@code MT_PURCHASE} with one SQL {@code MERGE}. Equal lines are numbered as
 * they arrive ({@link OccurrenceCounter}, a few bytes per distinct line); the rows themselves are never held
 * in memory, and the database does the matching. Until the commit nothing is visible to other sessions, and a rollback or a crash
 * leaves nothing behind.
 */
final class JdbcPurchaseLoad implements PurchaseLoad {

    private static final int BATCH = 5_000;

    /**
     * The staging table: a session's own temporary table, dropped with the transaction, so that staged rows
     * need no deleting (deleting a million rows took H2 longer than merging them) and never reach the log.
     */
    private static final String CREATE_STAGE = "CREATE LOCAL TEMPORARY TABLE MT_PURCHASE_STAGE ("
            + "PURCHASE_KEY VARCHAR(64) NOT NULL, CUSTOMER_ID VARCHAR(100) NOT NULL,"
            + " PURCHASE_DATE DATE NOT NULL, ORDER_ID VARCHAR(100), PRODUCT VARCHAR(200), CATEGORY VARCHAR(200),"
            + " QUANTITY DECIMAL(19, 4) NOT NULL, REVENUE DECIMAL(19, 2) NOT NULL, COST_OF_GOODS DECIMAL(19, 2))"
            + " ON COMMIT DROP";

    private static final String STAGE = "INSERT INTO MT_PURCHASE_STAGE (PURCHASE_KEY, CUSTOMER_ID,"
            + " PURCHASE_DATE, ORDER_ID, PRODUCT, CATEGORY, QUANTITY, REVENUE, COST_OF_GOODS)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The staged rows, each with its purchase key: natural key and occurrence number. */
    private static final String KEYED_STAGE = "MT_PURCHASE_STAGE src";

    private static final String COUNT_STORED = "SELECT COUNT(*) FROM MT_PURCHASE WHERE DATASET = ?";

    private static final String MERGE = "MERGE INTO MT_PURCHASE t USING " + KEYED_STAGE
            + " ON (t.DATASET = ? AND t.PURCHASE_KEY = src.PURCHASE_KEY)"
            + " WHEN MATCHED AND (t.CUSTOMER_ID <> src.CUSTOMER_ID OR t.PURCHASE_DATE <> src.PURCHASE_DATE"
            + " OR t.ORDER_ID IS DISTINCT FROM src.ORDER_ID OR t.PRODUCT IS DISTINCT FROM src.PRODUCT"
            + " OR t.CATEGORY IS DISTINCT FROM src.CATEGORY OR t.QUANTITY <> src.QUANTITY"
            + " OR t.REVENUE <> src.REVENUE OR t.COST_OF_GOODS IS DISTINCT FROM src.COST_OF_GOODS)"
            + " THEN UPDATE SET CUSTOMER_ID = src.CUSTOMER_ID, PURCHASE_DATE = src.PURCHASE_DATE,"
            + " ORDER_ID = src.ORDER_ID, PRODUCT = src.PRODUCT, CATEGORY = src.CATEGORY, QUANTITY = src.QUANTITY,"
            + " REVENUE = src.REVENUE, COST_OF_GOODS = src.COST_OF_GOODS"
            + " WHEN NOT MATCHED THEN INSERT (DATASET, PURCHASE_KEY, CUSTOMER_ID, PURCHASE_DATE, ORDER_ID, PRODUCT,"
            + " CATEGORY, QUANTITY, REVENUE, COST_OF_GOODS) VALUES (?, src.PURCHASE_KEY, src.CUSTOMER_ID,"
            + " src.PURCHASE_DATE, src.ORDER_ID, src.PRODUCT, src.CATEGORY, src.QUANTITY, src.REVENUE,"
            + " src.COST_OF_GOODS)";

    /** Into an empty dataset nothing can match, and a plain insert is much faster than a merge in H2. */
    private static final String INSERT = "INSERT INTO MT_PURCHASE (DATASET, PURCHASE_KEY, CUSTOMER_ID, PURCHASE_DATE,"
            + " ORDER_ID, PRODUCT, CATEGORY, QUANTITY, REVENUE, COST_OF_GOODS) SELECT ?, src.PURCHASE_KEY,"
            + " src.CUSTOMER_ID, src.PURCHASE_DATE, src.ORDER_ID, src.PRODUCT, src.CATEGORY, src.QUANTITY,"
            + " src.REVENUE, src.COST_OF_GOODS FROM " + KEYED_STAGE;

    private final String dataset;
    private final Connection connection;
    private final PreparedStatement stage;
    private final MessageDigest digest;
    private final OccurrenceCounter occurrences = new OccurrenceCounter();
    private long size;
    private int batched;
    private boolean open = true;

    JdbcPurchaseLoad(DataSource dataSource, String dataset) {
        this.dataset = dataset;
        this.digest = sha256();
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement create = connection.createStatement()) {
                create.execute(CREATE_STAGE);
            }
            stage = connection.prepareStatement(STAGE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start writing purchases to the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void add(Purchase purchase) {
        requireOpen();
        try {
            stage.setString(1, purchaseKey(purchase));
            stage.setString(2, purchase.customerId());
            stage.setDate(3, Date.valueOf(purchase.date()));
            setString(4, purchase.orderId());
            setString(5, purchase.product());
            setString(6, purchase.category());
            stage.setBigDecimal(7, purchase.quantity().setScale(4, RoundingMode.HALF_EVEN));
            stage.setBigDecimal(8, money(purchase.revenue()));
            if (purchase.costOfGoods() == null) {
                stage.setNull(9, Types.DECIMAL);
            } else {
                stage.setBigDecimal(9, money(purchase.costOfGoods()));
            }
            stage.addBatch();
            size++;
            if (++batched == BATCH) {
                stage.executeBatch();
                batched = 0;
            }
        } catch (SQLException e) {
            throw failure("cannot stage purchase " + size + " of the load", e);
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
            if (batched > 0) {
                stage.executeBatch();
                batched = 0;
            }
            createDataset();
            long before = storedCount();
            int merged;
            if (before == 0) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, dataset);
                    merged = insert.executeUpdate();
                }
            } else {
                try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                    merge.setString(1, dataset);
                    merge.setString(2, dataset);
                    merged = merge.executeUpdate();
                }
            }
            long added = storedCount() - before;
            connection.commit();
            return new StoreResult(dataset, size, added, merged - added, size - merged);
        } catch (SQLException e) {
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
            stage.close();
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            // H2 commits DDL at once, so a rolled-back load's staging table would outlive the transaction;
            // it goes with the session, which closing the connection ends.
        } catch (SQLException e) {
            // The connection is going away; a failed rollback leaves nothing committed either.
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more to release
            }
        }
    }

    private void createDataset() throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("INSERT INTO MT_DATASET (NAME, CREATED_AT)"
                + " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM MT_DATASET WHERE NAME = ?)")) {
            create.setString(1, dataset);
            create.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            create.setString(3, dataset);
            create.executeUpdate();
        }
    }

    private long storedCount() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT_STORED)) {
            count.setString(1, dataset);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void setString(int index, String value) throws SQLException {
        if (value == null) {
            stage.setNull(index, Types.VARCHAR);
        } else {
            stage.setString(index, value);
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

    private RuntimeException failure(String what, SQLException e) {
        close();
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        return new IllegalStateException(what + ": " + cause.getMessage(), e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
