package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitabilityService;
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
    void profitabilityAggregatesStoredPurchasesPerCustomer() throws AnalysisException {
        store.store(dataset, List.of(purchase("c1", "2024-03-01", "10.50"), purchase("c1", "2024-01-05", "4.50"),
                purchase("c2", "2024-02-02", "-3")));
        List<ProfitReport> reports = Services.get(ProfitabilityService.class)
                .analyze(new AnalysisRequest(dataset, null, PeriodLength.YEAR, List.of(), "standard"));
        assertEquals(1, reports.size());
        List<CustomerProfit> customers = reports.get(0).customers();
        assertEquals(List.of("c1", "c2"), customers.stream().map(CustomerProfit::customerId).toList());
        CustomerProfit c1 = customers.get(0);
        assertEquals(new BigDecimal("15.00"), c1.revenue());
        assertEquals(2, c1.purchaseLines());
        assertEquals(LocalDate.parse("2024-01-05"), c1.firstPurchase());
        assertEquals(LocalDate.parse("2024-03-01"), c1.lastPurchase());
        // the standard model's default order line rate, 1.50 per line
        assertEquals(new BigDecimal("3.00"), c1.costToServe());
        CustomerProfit c2 = customers.get(1);
        assertEquals(new BigDecimal("-3.00"), c2.revenue());
        assertEquals(1, c2.returnLines());
        // an order line 1.50 and a returned line 10.00
        assertEquals(new BigDecimal("11.50"), c2.costToServe());
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
        assertEquals(List.of(), assertDoesNotThrow(() -> Services.get(ProfitabilityService.class)
                .analyze(new AnalysisRequest(dataset, null, PeriodLength.YEAR, List.of(), "standard"))));
    }
}
