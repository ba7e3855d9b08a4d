package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseLoad;
import org.moneytree.api.purchase.StoreResult;

/**
 * A bulk load in one JDBC transaction: rows go into the staging table in JDBC batches as they arrive, and
 * the commit merges them into {@code MT_PURCHASE} with one SQL {@code MERGE}, numbering equal lines with
 * {@code ROW_NUMBER()} in the database. Memory therefore stays flat however large the load; the database
 * does the matching. Until the commit nothing is visible to other sessions, and a rollback or a crash
 * leaves nothing behind.
 */
final class JdbcPurchaseLoad implements PurchaseLoad {

    private static final int BATCH = 5_000;

    private static final String STAGE = "INSERT INTO MT_PURCHASE_STAGE (LOAD_ID, SEQ, NATURAL_KEY, CUSTOMER_ID,"
            + " PURCHASE_DATE, ORDER_ID, PRODUCT, CATEGORY, QUANTITY, REVENUE, COST_OF_GOODS)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The staged rows with their purchase keys: natural key and occurrence number. */
    private static final String KEYED_STAGE = "(SELECT s.CUSTOMER_ID, s.PURCHASE_DATE, s.ORDER_ID, s.PRODUCT,"
            + " s.CATEGORY, s.QUANTITY, s.REVENUE, s.COST_OF_GOODS, s.NATURAL_KEY || '#' || CAST(ROW_NUMBER()"
            + " OVER (PARTITION BY s.NATURAL_KEY ORDER BY s.SEQ) AS VARCHAR(20)) AS PURCHASE_KEY"
            + " FROM MT_PURCHASE_STAGE s WHERE s.LOAD_ID = ?) src";

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

    private final String dataset;
    private final long loadId = UUID.randomUUID().getMostSignificantBits();
    private final Connection connection;
    private final PreparedStatement stage;
    private final MessageDigest digest;
    private long size;
    private int batched;
    private boolean open = true;

    JdbcPurchaseLoad(DataSource dataSource, String dataset) {
        this.dataset = dataset;
        this.digest = sha256();
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            stage = connection.prepareStatement(STAGE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start writing purchases to the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void add(Purchase purchase) {
        requireOpen();
        try {
            stage.setLong(1, loadId);
            stage.setLong(2, size);
            stage.setString(3, naturalKey(purchase));
            stage.setString(4, purchase.customerId());
            stage.setDate(5, Date.valueOf(purchase.date()));
            setString(6, purchase.orderId());
            setString(7, purchase.product());
            setString(8, purchase.category());
            stage.setBigDecimal(9, purchase.quantity().setScale(4, RoundingMode.HALF_EVEN));
            stage.setBigDecimal(10, money(purchase.revenue()));
            if (purchase.costOfGoods() == null) {
                stage.setNull(11, Types.DECIMAL);
            } else {
                stage.setBigDecimal(11, money(purchase.costOfGoods()));
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
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                merge.setLong(1, loadId);
                merge.setString(2, dataset);
                merge.setString(3, dataset);
                merged = merge.executeUpdate();
            }
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM MT_PURCHASE_STAGE WHERE LOAD_ID = ?")) {
                clear.setLong(1, loadId);
                clear.executeUpdate();
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
     * An order line is recognised by order and product, so a changed amount updates it; a line without an
     * order id only by all of its values.
     */
    private String naturalKey(Purchase purchase) {
        String text = purchase.orderId() != null
                ? "order\u001f" + purchase.orderId() + '\u001f' + nullToEmpty(purchase.product())
                : "line\u001f" + purchase.customerId() + '\u001f' + purchase.date() + '\u001f'
                        + nullToEmpty(purchase.product()) + '\u001f' + nullToEmpty(purchase.category()) + '\u001f'
                        + purchase.quantity().stripTrailingZeros().toPlainString() + '\u001f'
                        + money(purchase.revenue()).toPlainString() + '\u001f'
                        + (purchase.costOfGoods() == null ? "" : money(purchase.costOfGoods()).toPlainString());
        byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 18));
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
