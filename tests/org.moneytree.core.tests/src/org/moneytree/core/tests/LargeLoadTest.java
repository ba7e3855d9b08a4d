package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseLoad;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.purchase.StoreResult;
import org.osgi.framework.Bundle;

/**
 * Loads larger than {@code moneytree.load.smallLoadRows} (2,000 in the test run, against 200,000 in the
 * product): they are written in many committed batches into a hidden generation of the dataset and made
 * visible at the end. Readers must only ever see whole loads, and what a failed or killed load leaves
 * behind must go. Checked against the database itself, read directly.
 */
class LargeLoadTest {

    private static final int SMALL_LOAD_ROWS = Integer.getInteger("moneytree.load.smallLoadRows", 2000);
    /** Several committed batches beyond the small-load limit. */
    private static final int LARGE = SMALL_LOAD_ROWS * 3 + 123;

    private final PurchaseStore store = Services.get(PurchaseStore.class);
    private final String dataset = "large-" + UUID.randomUUID().toString().substring(0, 8);

    /** Line {@code i} of an extract: an order line whose amount {@code version} may change. */
    private static Purchase line(int i, int version) {
        return new Purchase("c" + (i % 97), LocalDate.of(2024, 1, 1).plusDays(i % 300), "O-" + i, "P-" + (i % 7),
                null, BigDecimal.ONE, new BigDecimal(10 + i % 50 + version).setScale(2), null);
    }

    private StoreResult load(int from, int to, int version) {
        try (PurchaseLoad load = store.openLoad(dataset)) {
            for (int i = from; i < to; i++) {
                load.add(line(i, version));
            }
            return load.commit();
        }
    }

    @Test
    void aMultiBatchLoadIsStoredWholeAndCountsRight() throws Exception {
        assertEquals(new StoreResult(dataset, LARGE, LARGE, 0, 0), load(0, LARGE, 0));
        assertEquals(LARGE, store.purchaseCount(dataset));
        assertTrue(store.datasets().contains(dataset));
        LongAdder read = new LongAdder();
        store.forEachPurchase(dataset, purchase -> read.increment());
        assertEquals(LARGE, read.sum());
        assertEquals(LARGE, rowsInDatabase(), "only the visible generation is left");
    }

    @Test
    void reloadingTheSameLargeFileAddsNothing() throws Exception {
        load(0, LARGE, 0);
        assertEquals(new StoreResult(dataset, LARGE, 0, 0, LARGE), load(0, LARGE, 0));
        assertEquals(LARGE, store.purchaseCount(dataset));
        assertEquals(LARGE, rowsInDatabase(), "the old generation is removed once the new one is visible");
    }

    @Test
    void anOverlappingLargeExtractAddsTheNewUpdatesTheChangedAndKeepsTheRest() throws Exception {
        // Stored: lines 0 .. LARGE-1. The extract: lines 1,000 .. LARGE+999, of which those below 2,000
        // have new amounts.
        load(0, LARGE, 0);
        int from = 1000;
        int changedBelow = 2000;
        StoreResult result;
        try (PurchaseLoad load = store.openLoad(dataset)) {
            for (int i = from; i < LARGE + 1000; i++) {
                load.add(line(i, i < changedBelow ? 1 : 0));
            }
            result = load.commit();
        }
        assertEquals(new StoreResult(dataset, LARGE, 1000, changedBelow - from, LARGE - 1000 - (changedBelow - from)),
                result);
        assertEquals(LARGE + 1000, store.purchaseCount(dataset));
        assertEquals(LARGE + 1000, rowsInDatabase());
        List<Purchase> back = new ArrayList<>();
        store.forEachPurchase(dataset, back::add);
        Purchase kept = back.stream().filter(p -> "O-5".equals(p.orderId())).findFirst().orElseThrow();
        assertEquals(0, line(5, 0).revenue().compareTo(kept.revenue()), "a line the extract lacks stays");
        Purchase updated = back.stream().filter(p -> "O-1500".equals(p.orderId())).findFirst().orElseThrow();
        assertEquals(0, line(1500, 1).revenue().compareTo(updated.revenue()));
    }

    @Test
    void anAbandonedLargeLoadLeavesNothingVisibleAndNothingBehind() throws Exception {
        load(0, 10, 0);
        try (PurchaseLoad load = store.openLoad(dataset)) {
            for (int i = 0; i < LARGE; i++) {
                load.add(line(i, 5));
            }
            // Batches have been committed into the hidden generation by now.
            assertTrue(rowsInDatabase() > 10, "the load writes in committed batches");
            assertEquals(10, store.purchaseCount(dataset), "readers see only the visible generation");
        }
        assertEquals(10, store.purchaseCount(dataset));
        assertEquals(10, rowsInDatabase(), "the abandoned load removed its rows");
        List<Purchase> back = new ArrayList<>();
        store.forEachPurchase(dataset, back::add);
        assertEquals(10, back.size());
        for (Purchase purchase : back) {
            int i = Integer.parseInt(purchase.orderId().substring(2));
            assertEquals(0, line(i, 0).revenue().compareTo(purchase.revenue()), "the stored amounts are untouched");
        }
    }

    @Test
    void theFirstLargeLoadOfADatasetThatFailsMidwayLeavesNoDataset() throws Exception {
        IllegalStateException failed;
        try (PurchaseLoad load = store.openLoad(dataset)) {
            for (int i = 0; i < LARGE; i++) {
                load.add(line(i, 0));
            }
            // Too long for the customer column: the database refuses it when the batch is written.
            failed = assertThrows(IllegalStateException.class, () -> {
                load.add(new Purchase("x".repeat(101), LocalDate.of(2024, 1, 1), BigDecimal.ONE, BigDecimal.TEN));
                load.commit();
            });
        }
        assertFalse(failed.getMessage().contains("\n"), "a one-line reason: " + failed.getMessage());
        assertFalse(store.datasets().contains(dataset));
        assertEquals(0, store.purchaseCount(dataset));
        assertEquals(0, rowsInDatabase());
    }

    @Test
    void whatAKilledLoadLeftIsInvisibleAndGoesWithTheNextLoad() throws Exception {
        load(0, 50, 0);
        // What a load killed before publishing leaves: rows of a newer generation than the visible one,
        // and rows of an older one whose removal was cut short.
        insertLeftovers(7, 30);
        insertLeftovers(-3, 20);
        assertEquals(50, store.purchaseCount(dataset));
        LongAdder read = new LongAdder();
        store.forEachPurchase(dataset, purchase -> read.increment());
        assertEquals(50, read.sum());
        assertEquals(100, rowsInDatabase());

        assertEquals(new StoreResult(dataset, 50, 0, 0, 50), load(0, 50, 0));
        assertEquals(50, rowsInDatabase(), "the next load of the dataset removed the leftovers");
    }

    @Test
    void whatAKilledLoadLeftGoesWhenTheStoreStarts() throws Exception {
        load(0, 50, 0);
        insertLeftovers(4, 25);
        assertEquals(75, rowsInDatabase());

        Bundle persistence = Services.bundle("org.moneytree.persistence");
        persistence.stop();
        persistence.start();
        PurchaseStore restarted = Services.get(PurchaseStore.class);
        assertEquals(50, restarted.purchaseCount(dataset));
        assertEquals(50, rowsInDatabase(), "the store removed the leftovers as it started");
    }

    private void insertLeftovers(long generationOffset, int rows) throws Exception {
        try (Connection connection = DatabaseInUseTest.expectedDatabase().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO MT_PURCHASE (DATASET, GENERATION,"
                        + " PURCHASE_KEY, CUSTOMER_ID, PURCHASE_DATE, QUANTITY, REVENUE) SELECT ?, GENERATION + ?, ?,"
                        + " 'ghost', DATE '2024-01-01', 1, 1 FROM MT_DATASET WHERE NAME = ?")) {
            for (int i = 0; i < rows; i++) {
                insert.setString(1, dataset);
                insert.setLong(2, generationOffset);
                insert.setString(3, "leftover#" + i);
                insert.setString(4, dataset);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** All of the dataset's rows in the database, of every generation. */
    private long rowsInDatabase() throws Exception {
        try (Connection connection = DatabaseInUseTest.expectedDatabase().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM MT_PURCHASE WHERE DATASET = ?")) {
            count.setString(1, dataset);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
