package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moneytree.api.archive.ArchiveLoad;
import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.CustomerStatus;
import org.moneytree.api.archive.ServiceActivity;
import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.Concentration;
import org.moneytree.api.profit.CostLine;
import org.moneytree.api.profit.CostModelInfo;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.osgi.framework.BundleException;

/**
 * Profitability with cost to serve, checked against hand-computed figures. The dataset (standard cost model,
 * default rates: visit 150, delivery 25, support hour 60, order line 1.50, returned line 10):
 * <pre>
 * 2023  K1  1 line  revenue 1,000  cost of goods 600
 * 2024  K1  2 lines revenue 1,500  cost of goods 900   2 deliveries              cost to serve 50 + 3        = 53    net  547
 *       K2  1 line  revenue 2,000  cost of goods 1,500 4 visits, 2.5 support h  cost to serve 600 + 150 + 1.5 = 751.50 net -251.50
 *       K3  2 lines revenue 200 (300, a return of -100), cost of goods 120       cost to serve 3 + 10        = 13    net   67
 *       K4  no purchases, 1 visit                                                cost to serve 150                    net -150
 * </pre>
 */
class ProfitabilityTest {

    private final ProfitabilityService profitability = Services.get(ProfitabilityService.class);
    private final CustomerArchive archive = Services.get(CustomerArchive.class);
    private final String dataset = "profit-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path folder;

    @BeforeEach
    void storeDataset() {
        store(Customer.class, customer("K1", "2019-03-01"), customer("K2", "2023-11-15"), customer("K3", null),
                customer("K4", "2024-06-01"));
        Services.get(PurchaseStore.class).store(dataset, List.of(
                purchase("K1", "2023-06-01", "1000.00", "600.00", "paper"),
                purchase("K1", "2024-02-10", "1000.00", "600.00", "paper"),
                purchase("K1", "2024-05-10", "500.00", "300.00", "ink"),
                purchase("K2", "2024-03-01", "2000.00", "1500.00", "paper"),
                purchase("K3", "2024-04-01", "300.00", "180.00", "ink"),
                purchase("K3", "2024-04-20", "-100.00", "-60.00", "ink")));
        store(ServiceActivity.class,
                activity("K1", "2024-02-11", "delivery", "2"),
                activity("K2", "2024-03-05", "visit", "4"),
                activity("K2", "2024-03-06", "support_hour", "2.5"),
                activity("K4", "2024-07-01", "visit", "1"),
                activity("K1", "2022-07-01", "teleport", "1"));
    }

    @AfterEach
    void startTestPlugin() throws BundleException {
        Services.bundle("org.moneytree.testplugin").start();
    }

    private static Customer customer(String id, String firstContact) {
        return new Customer(id, "Customer " + id, "wholesale", "华东", null,
                firstContact == null ? null : LocalDate.parse(firstContact), CustomerStatus.ACTIVE, "王芳", List.of());
    }

    private static Purchase purchase(String customer, String date, String revenue, String costOfGoods, String category) {
        return new Purchase(customer, LocalDate.parse(date), null, null, category, BigDecimal.ONE, new BigDecimal(revenue),
                costOfGoods == null ? null : new BigDecimal(costOfGoods));
    }

    private static ServiceActivity activity(String customer, String date, String type, String quantity) {
        return new ServiceActivity(customer, LocalDate.parse(date), type, new BigDecimal(quantity), null, null);
    }

    @SafeVarargs
    private <R extends ArchiveRecord> void store(Class<R> type, R... records) {
        try (ArchiveLoad<R> load = archive.openLoad(dataset, type)) {
            for (R record : records) {
                load.add(record);
            }
            load.commit();
        }
    }

    private List<ProfitReport> analyze(List<Period> periods, String costModel) throws AnalysisException {
        return profitability.analyze(new AnalysisRequest(dataset, null, PeriodLength.YEAR, periods, costModel));
    }

    private ProfitReport year2024() throws AnalysisException {
        return analyze(List.of(Period.parse("2024")), "standard").get(0);
    }

    private static CustomerProfit customer(ProfitReport report, String id) {
        int index = report.indexOf(id);
        assertTrue(index >= 0, id + " is not in " + report.period());
        return report.customers().get(index);
    }

    @Test
    void costToServeMakesABigBuyerUnprofitableAndShowsWhy() throws AnalysisException {
        CustomerProfit k2 = customer(year2024(), "K2");
        assertEquals(new BigDecimal("2000.00"), k2.revenue());
        assertEquals(new BigDecimal("500.00"), k2.grossMargin());
        assertEquals(List.of(
                new CostLine("order_line", new BigDecimal("1"), new BigDecimal("1.50"), new BigDecimal("1.50")),
                new CostLine("support_hour", new BigDecimal("2.5"), new BigDecimal("60.00"), new BigDecimal("150.00")),
                new CostLine("visit", new BigDecimal("4"), new BigDecimal("150.00"), new BigDecimal("600.00"))),
                k2.costs());
        assertEquals(new BigDecimal("751.50"), k2.costToServe());
        assertEquals(new BigDecimal("-251.50"), k2.netProfit());
        assertEquals(new BigDecimal("0.2500"), k2.grossMarginShare());
        assertEquals(new BigDecimal("-0.1258"), k2.netMarginShare());
        assertEquals(1, k2.purchaseLines(), "a customer with one purchase");
    }

    @Test
    void totalsReturnsAndACustomerWhoOnlyCostsMoney() throws AnalysisException {
        ProfitReport report = year2024();
        assertEquals(List.of("K1", "K2", "K3", "K4"), report.customers().stream().map(CustomerProfit::customerId).toList());
        CustomerProfit k3 = customer(report, "K3");
        assertEquals(new BigDecimal("200.00"), k3.revenue());
        assertEquals(new BigDecimal("120.00"), k3.costOfGoods());
        assertEquals(1, k3.returnLines());
        assertEquals(new BigDecimal("13.00"), k3.costToServe(), "two order lines and a returned line");
        CustomerProfit k4 = customer(report, "K4");
        assertEquals(new BigDecimal("0.00"), k4.revenue());
        assertEquals(new BigDecimal("-150.00"), k4.netProfit());
        assertEquals(null, k4.firstPurchase());
        assertEquals(null, k4.grossMarginShare(), "no margin share without revenue");

        assertEquals(4, report.totals().customers());
        assertEquals(5, report.totals().purchaseLines());
        assertEquals(new BigDecimal("3700.00"), report.totals().revenue());
        assertEquals(new BigDecimal("2520.00"), report.totals().costOfGoods());
        assertEquals(new BigDecimal("967.50"), report.totals().costToServe());
        assertEquals(new BigDecimal("212.50"), report.totals().netProfit());
        assertEquals(new BigDecimal("750.00"), report.totals().costByActivity().get("visit"), "K2 4 and K4 1 visit at 150");
        assertEquals(2, report.totals().profitableCustomers());
    }

    @Test
    void concentrationParetoWhaleAndGini() throws AnalysisException {
        Concentration concentration = year2024().concentration();
        // revenue 2000, 1500, 200, 0: the top fifth is ceil(4 / 5) = 1 customer
        assertEquals(2000.0 / 3700, concentration.topFifthRevenueShare(), 1e-12);
        // net profit 547, 67, -150, -251.50 of 212.50
        assertEquals(547 / 212.5, concentration.topFifthProfitShare(), 1e-12);
        assertEquals(614 / 212.5, concentration.whalePeakShare(), 1e-12);
        assertEquals(2, concentration.whalePeakCustomers());
        assertEquals(2, concentration.profitErodingCustomers());
        // ascending 0, 200, 1500, 2000: 2 * (2*200 + 3*1500 + 4*2000) / (4 * 3700) - 5/4
        assertEquals(2 * 12900.0 / 14800 - 1.25, concentration.revenueGini(), 1e-12);
        // every 1% of 4 customers rounds up to 1, 2, 3 or 4 customers: 0 and four points
        assertEquals(List.of(0, 1, 2, 3, 4), concentration.pareto().stream().map(p -> p.customers()).toList());
        assertEquals(1.0, concentration.pareto().get(4).valueShare(), 1e-12);
        assertEquals(1.0, concentration.whale().get(4).valueShare(), 1e-12, "the whale curve ends at 100%");
    }

    @Test
    void everyPeriodWithPurchasesAndTheFactsOfTheCriteria() throws AnalysisException {
        List<ProfitReport> reports = analyze(List.of(), "standard");
        assertEquals(List.of(Period.parse("2023"), Period.parse("2024")), reports.stream().map(ProfitReport::period).toList());
        assertEquals(List.of("K1"), reports.get(0).customers().stream().map(CustomerProfit::customerId).toList());
        CustomerProfit k1 = customer(reports.get(1), "K1");
        assertEquals(new BigDecimal("1000.00"), k1.previousRevenue());
        assertEquals(LocalDate.parse("2019-03-01"), k1.customerSince(), "the first contact is earlier than any purchase");
        assertEquals(2, k1.activeMonths(), "February and May 2024");
        assertEquals(new BigDecimal("547.00"), k1.netProfit());
        assertEquals(LocalDate.parse("2024-04-01"), customer(reports.get(1), "K3").customerSince(), "no first contact");
    }

    @Test
    void aPeriodWithoutDataIsAnEmptyReport() throws AnalysisException {
        ProfitReport empty = analyze(List.of(Period.parse("2026")), "standard").get(0);
        assertEquals(List.of(), empty.customers());
        assertEquals(new BigDecimal("0.00"), empty.totals().netProfit());
        assertEquals(0, empty.concentration().revenueGini());
        assertEquals(0, empty.concentration().whalePeakCustomers());
    }

    @Test
    void anActivityTypeWithoutARateIsAnError() {
        AnalysisException failure = assertThrows(AnalysisException.class,
                () -> analyze(List.of(Period.parse("2022")), "standard"));
        assertTrue(failure.getMessage().contains("no rate for activity type 'teleport'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("customer K1 on 2022-07-01"), failure.getMessage());
    }

    @Test
    void aPluginsCostModelComesAndGoesWithItsBundle() throws Exception {
        assertTrue(profitability.costModels(Locale.ENGLISH).stream().anyMatch(model -> model.id().equals("flat")));
        // the flat model prices visits only: K2's support hours have no rate there
        AnalysisException unpriced = assertThrows(AnalysisException.class, () -> analyze(List.of(), "flat"));
        assertTrue(unpriced.getMessage().contains("'support_hour'"), unpriced.getMessage());

        Services.bundle("org.moneytree.testplugin").stop();
        List<String> ids = profitability.costModels(Locale.ENGLISH).stream().map(CostModelInfo::id).toList();
        assertTrue(!ids.contains("flat") && ids.contains("standard"), ids.toString());
        AnalysisException gone = assertThrows(AnalysisException.class, () -> analyze(List.of(), "flat"));
        assertTrue(gone.getMessage().contains("no cost model 'flat'"), gone.getMessage());
    }

    @Test
    void aPurchaseFileReadDirectlyGivesTheSameFigures() throws IOException, AnalysisException {
        Path file = folder.resolve("purchases.csv");
        Files.writeString(file, """
                customer_id,order_date,category,revenue,cost_of_goods
                K1,2023-06-01,paper,1000.00,600.00
                K1,2024-02-10,paper,1000,600
                K1,2024-05-10,ink,500.00,300.00
                K2,2024-03-01,paper,2000.00,1500.00
                K3,2024-04-01,ink,300.00,180.00
                "K3",2024-04-20,"ink, red",-100.00,-60.00
                """, StandardCharsets.UTF_8);
        List<ProfitReport> direct = profitability.analyze(
                new AnalysisRequest(dataset, file, PeriodLength.YEAR, List.of(Period.parse("2024")), "standard"));
        assertEquals(year2024().customers(), direct.get(0).customers());
    }

    @Test
    void aPurchaseFileWithErrorsNamesLineAndField() throws IOException {
        Path file = folder.resolve("broken.csv");
        Files.writeString(file, "customer_id,order_date,revenue\nK1,2024-01-01,10.00\nK2,2024-01-02,ten\n",
                StandardCharsets.UTF_8);
        AnalysisException failure = assertThrows(AnalysisException.class, () -> profitability.analyze(
                new AnalysisRequest(dataset, file, PeriodLength.YEAR, List.of(), "standard")));
        assertTrue(failure.getMessage().contains("broken.csv"), failure.getMessage());
        assertTrue(failure.getMessage().contains("line 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("revenue"), failure.getMessage());
    }

    @Test
    void quartersAndMonthsAreNamedAndOrdered() {
        assertEquals(Period.parse("2024-Q2"), Period.containing(PeriodLength.QUARTER, LocalDate.parse("2024-06-30")));
        assertEquals("2024-Q1", Period.parse("2024-Q2").previous().id());
        assertEquals("2023-12", Period.parse("2024-01").previous().id());
        assertEquals(LocalDate.parse("2024-03-01"), Period.parse("2024-02").end());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Period.parse("2024-13"));
        assertTrue(bad.getMessage().contains("expected a year (2024), a quarter (2024-Q3) or a month (2024-07)"));
    }
}
