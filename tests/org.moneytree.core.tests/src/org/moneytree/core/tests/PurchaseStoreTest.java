package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.moneytree.api.figures.CustomerFigures;
import org.moneytree.api.figures.FiguresService;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseLoad;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.purchase.StoreResult;

/** JPA round trips into the embedded H2 database, through the store service. */
class PurchaseStoreTest {

    private final PurchaseStore store = Services.get(PurchaseStore.class);
    private final String dataset = "test-" + UUID.randomUUID().toString().substring(0, 8);

    private static Purchase purchase(String customer, String date, String revenue) {
        return new Purchase(customer, LocalDate.parse(date), BigDecimal.ONE, new BigDecimal(revenue));
    }

    @Test
    void storedPurchasesComeBackUnchanged() {
        List<Purchase> purchases = List.of(purchase("c1", "2024-01-05", "10.50"),
                new Purchase("客户二", LocalDate.parse("2024-02-01"), "R-7", "唱片", "music", new BigDecimal("-3"),
                        new BigDecimal("-4.25"), new BigDecimal("-2.10")),
                purchase("c1", "2024-03-01", "99.99"));
        StoreResult result = store.store(dataset, purchases);
        assertEquals(new StoreResult(dataset, 3, 3, 0, 0), result);
        assertEquals(3, store.purchaseCount(dataset));
        assertTrue(store.datasets().contains(dataset));

        List<Purchase> back = new ArrayList<>();
        store.forEachPurchase(dataset, back::add);
        Comparator<Purchase> order = Comparator.comparing(Purchase::date);
        List<Purchase> expected = new ArrayList<>(purchases);
        expected.sort(order);
        back.sort(order);
        assertEquals(expected.size(), back.size());
        for (int i = 0; i < expected.size(); i++) {
            Purchase want = expected.get(i);
            Purchase got = back.get(i);
            assertEquals(want.customerId(), got.customerId());
            assertEquals(want.date(), got.date());
            assertEquals(0, want.quantity().compareTo(got.quantity()));
            assertEquals(0, want.revenue().compareTo(got.revenue()));
            assertEquals(want.orderId(), got.orderId());
            assertEquals(want.product(), got.product());
            assertEquals(want.category(), got.category());
            assertEquals(want.costOfGoods() == null, got.costOfGoods() == null);
            if (want.costOfGoods() != null) {
                assertEquals(0, want.costOfGoods().compareTo(got.costOfGoods()));
            }
        }
    }

    @Test
    void importingTheSameBatchTwiceAddsNothing() {
        List<Purchase> purchases = List.of(purchase("c1", "2024-01-05", "10.50"), purchase("c2", "2024-01-06", "7"));
        store.store(dataset, purchases);
        assertEquals(new StoreResult(dataset, 2, 0, 0, 2), store.store(dataset, purchases));
        assertEquals(2, store.purchaseCount(dataset));
    }

    @Test
    void identicalLinesInOneBatchAreSeparatePurchasesAndAnOverlappingExtractAddsOnlyTheNew() {
        Purchase twice = purchase("c1", "2024-01-05", "10.50");
        store.store(dataset, List.of(twice, twice, purchase("c2", "2024-01-06", "7")));
        assertEquals(3, store.purchaseCount(dataset));

        StoreResult overlap = store.store(dataset, List.of(twice, twice, purchase("c3", "2024-01-07", "1")));
        assertEquals(new StoreResult(dataset, 3, 1, 0, 2), overlap);
        assertEquals(4, store.purchaseCount(dataset));
    }

    @Test
    void aChangedOrderLineIsUpdatedNotAdded() {
        Purchase line = new Purchase("c1", LocalDate.parse("2024-01-05"), "O-1", "P-9", null, new BigDecimal("2"),
                new BigDecimal("20.00"), null);
        Purchase corrected = new Purchase("c1", LocalDate.parse("2024-01-05"), "O-1", "P-9", null,
                new BigDecimal("3"), new BigDecimal("30.00"), new BigDecimal("12.00"));
        store.store(dataset, List.of(line, purchase("c2", "2024-01-06", "7")));
        assertEquals(new StoreResult(dataset, 2, 0, 1, 1),
                store.store(dataset, List.of(corrected, purchase("c2", "2024-01-06", "7"))));
        List<Purchase> back = new ArrayList<>();
        store.forEachPurchase(dataset, back::add);
        assertEquals(2, back.size());
        Purchase stored = back.stream().filter(p -> "O-1".equals(p.orderId())).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("30.00").compareTo(stored.revenue()));
        assertEquals(0, new BigDecimal("12.00").compareTo(stored.costOfGoods()));
    }

    @Test
    void aLoadClosedWithoutCommitStoresNothing() {
        try (PurchaseLoad load = store.openLoad(dataset)) {
            load.add(purchase("c1", "2024-01-05", "10.50"));
            assertEquals(1, load.size());
        }
        assertEquals(0, store.purchaseCount(dataset));
        assertTrue(!store.datasets().contains(dataset));
    }

    @Test
    void figuresAggregateStoredPurchasesPerCustomer() {
        store.store(dataset, List.of(purchase("c1", "2024-03-01", "10.50"), purchase("c1", "2024-01-05", "4.50"),
                purchase("c2", "2024-02-02", "-3")));
        List<CustomerFigures> figures = Services.get(FiguresService.class).figures(dataset);
        assertEquals(List.of(
                new CustomerFigures("c1", new BigDecimal("15.00"), 2, LocalDate.parse("2024-01-05"),
                        LocalDate.parse("2024-03-01")),
                new CustomerFigures("c2", new BigDecimal("-3.00"), 1, LocalDate.parse("2024-02-02"),
                        LocalDate.parse("2024-02-02"))),
                figures);
    }

    @Test
    void badDatasetNameIsRefusedAndStoresNothing() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> store.openLoad("bad name; drop table"));
        assertTrue(refused.getMessage().contains("not allowed"), refused.getMessage());
        assertEquals(0, store.purchaseCount("bad name; drop table"));
    }

    @Test
    void unknownDatasetIsEmpty() {
        assertEquals(0, store.purchaseCount(dataset));
        assertEquals(List.of(), Services.get(FiguresService.class).figures(dataset));
    }
}
