package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moneytree.api.archive.ArchiveLoad;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.CustomerStatus;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewRequest;
import org.moneytree.api.report.ViewTable;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierRun;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The shared report data: computed once per period and run, refreshed by a re-run, with clear refusals. */
class ReportDataTest {

    private static final Period YEAR = Period.parse("2024");
    private static final int CUSTOMERS = 5_000;

    private final ReportData data = Services.get(ReportData.class);
    private final TierHistory history = Services.get(TierHistory.class);
    private final String dataset = "report-data-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path folder;

    /** {@link #CUSTOMERS} customers of 2024 with four purchases each; every tenth returns more than it bought. */
    private void storePurchases() {
        List<Purchase> purchases = new ArrayList<>();
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            String id = String.format(Locale.ROOT, "C%05d", customer);
            for (int line = 0; line < 4; line++) {
                BigDecimal revenue = BigDecimal.valueOf(customer % 10 == 0 && line == 3 ? -500 : 10 + customer % 97, 0);
                purchases.add(new Purchase(id, LocalDate.of(2024, 1 + line * 3, 1 + customer % 28), null, null, "goods",
                        BigDecimal.ONE, revenue, null));
            }
        }
        Services.get(PurchaseStore.class).store(dataset, purchases);
    }

    /**
     * Sets how long the report data trusts a look at the runs ({@code null}: the default, a second) and waits until
     * the service runs with it: Declarative Services applies configuration asynchronously.
     */
    private static ReportData withFreshness(Long millis) throws Exception {
        Configuration configuration = Services.get(ConfigurationAdmin.class).getConfiguration("org.moneytree.report",
                "?");
        Semaphore events = new Semaphore(0);
        ServiceListener listener = event -> events.release();
        Services.context().addServiceListener(listener);
        try {
            if (millis == null) {
                configuration.delete();
            } else {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("freshnessMillis", millis);
                configuration.update(properties);
            }
            Long expected = millis == null ? 1000L : millis;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                ServiceReference<ReportData> reference = Services.context().getServiceReference(ReportData.class);
                if (reference != null && expected.equals(reference.getProperty("freshnessMillis"))) {
                    return Services.context().getService(reference);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !events.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new AssertionError("the report data did not take freshnessMillis " + expected + " within 30 s");
                }
            }
        } finally {
            Services.context().removeServiceListener(listener);
        }
    }

    @Test
    void aPeriodIsComputedOnceForTwentyRequestsAtOnceAndAgainAfterARerunOrAnOverride() throws Exception {
        // every request looks at the runs, so that a re-run shows at once rather than within a second
        ReportData data = withFreshness(0L);
        long[] micros;
        try {
            micros = computedOnceAndAgainAfterARerunOrAnOverride(data);
        } finally {
            data = withFreshness(null);
        }
        ReportData trusting = data;
        trusting.results(dataset, YEAR, Locale.ENGLISH);
        viewsOfManyCustomersStayReadable();
        long trustingMicros = averageMicros(() -> trusting.results(dataset, YEAR, Locale.ENGLISH));
        System.out.printf("report data on %s: %,d customers computed for 20 requests at once in %d ms; a kept period's"
                + " results take %d µs a request looking at the runs each time (TierHistory.runs alone %d µs), %d µs"
                + " trusting a look for a second%n", System.getProperty("moneytree.test.database"), CUSTOMERS, micros[0],
                micros[1], micros[2], trustingMicros);
    }

    /** Curves of 5,000 customers are sampled to at most 200 points, tables cut to their limit. */
    private void viewsOfManyCustomersStayReadable() throws ViewException {
        Map<String, ReportView> views = Analyses.views(Set.of("pareto", "whale", "eroders"));
        ViewRequest request = new ViewRequest(dataset, Map.of(), Locale.ENGLISH);
        ViewChart pareto = views.get("pareto").render(request).charts().get(0);
        assertTrue(pareto.pointCount() <= 200, pareto.pointCount() + " points");
        for (ViewChart.Series series : pareto.series()) {
            assertEquals(0.0, series.points().get(0).x());
            assertEquals(1.0, series.points().get(series.points().size() - 1).x());
        }
        ViewChart whale = views.get("whale").render(request).charts().get(0);
        assertTrue(whale.pointCount() <= 200, whale.pointCount() + " points");
        List<ViewChart.Point> points = whale.series().get(0).points();
        assertEquals((long) CUSTOMERS, points.get(points.size() - 1).x());
        for (ViewChart.Mark mark : whale.marks()) {
            assertTrue(points.stream().anyMatch(point -> point.x().equals(mark.x()) && point.y() == mark.y()),
                    "the curve passes through " + mark);
        }
        // every tenth customer returns more than it buys: 500 loss-makers, all lead but C00000, overridden to gold
        ViewTable eroders = views.get("eroders").render(request).tables().get(0);
        assertEquals(100, eroders.rows().size());
        assertEquals(CUSTOMERS / 10 - 1, eroders.totalRows());
    }

    /** The average time of 200 calls, in microseconds. */
    private static long averageMicros(Callable<?> call) throws Exception {
        long started = System.nanoTime();
        for (int each = 0; each < 200; each++) {
            call.call();
        }
        return (System.nanoTime() - started) / 200 / 1000;
    }

    /** Returns the time to compute the period (ms), to answer from the kept results and to read the runs (µs). */
    private long[] computedOnceAndAgainAfterARerunOrAnOverride(ReportData fresh) throws Exception {
        storePurchases();
        TierRun first = Analyses.analyzeAndStore(dataset, null, PeriodLength.YEAR).get(0);
        assertEquals(List.of(YEAR), fresh.periods(dataset));
        assertEquals(YEAR, fresh.latest(dataset, Locale.ENGLISH));
        assertTrue(fresh.datasets().contains(dataset));

        long computing = System.nanoTime();
        List<PeriodResults> answers = atOnce(20, () -> fresh.results(dataset, YEAR, Locale.ENGLISH));
        computing = (System.nanoTime() - computing) / 1_000_000;
        PeriodResults results = answers.get(0);
        for (PeriodResults answer : answers) {
            assertSame(results, answer, "one computation shared by every request");
        }
        assertEquals(first, results.run());
        assertEquals(CUSTOMERS, results.tiers().size());
        assertEquals(CUSTOMERS, results.report().customers().size());
        assertEquals(CUSTOMERS, results.scores().report().customers().size());
        assertSame(results, fresh.results(dataset, YEAR, Locale.ENGLISH));

        long lookingMicros = averageMicros(() -> fresh.results(dataset, YEAR, Locale.ENGLISH));
        long runsMicros = averageMicros(() -> history.runs(dataset));

        // a view's model is rendered once for many requests, per language, and kept until the results change
        ReportView pyramid = Analyses.views(Set.of("pyramid")).get("pyramid");
        ViewRequest english = new ViewRequest(dataset, Map.of(), Locale.ENGLISH);
        List<ViewModel> models = atOnce(20, () -> pyramid.render(english));
        ViewModel model = models.get(0);
        models.forEach(each -> assertSame(model, each, "one rendering shared by every request"));
        assertSame(model, pyramid.render(new ViewRequest(dataset, Map.of(), Locale.ENGLISH)));
        ViewModel chinese = pyramid.render(new ViewRequest(dataset, Map.of(), Locale.SIMPLIFIED_CHINESE));
        assertNotSame(model, chinese);
        assertTrue(chinese.summary().contains("铂金"), chinese.summary());
        ViewModel byPeriod = pyramid.render(new ViewRequest(dataset, Map.of("period", "2024"), Locale.ENGLISH));
        assertEquals(model.figures(), byPeriod.figures());
        long gold = tierCount(model, "gold");

        TierRun second = Analyses.analyzeAndStore(dataset, null, PeriodLength.YEAR).get(0);
        assertTrue(second.ranAt().isAfter(first.ranAt()));
        List<PeriodResults> again = atOnce(20, () -> fresh.results(dataset, YEAR, Locale.ENGLISH));
        PeriodResults rerun = again.get(0);
        assertNotSame(results, rerun, "a re-run of the period is analysed again");
        again.forEach(answer -> assertSame(rerun, answer));
        assertEquals(second, rerun.run());
        assertEquals(results.tiers(), rerun.tiers(), "the same purchases give the same tiers");

        StoredTier loser = rerun.tiers().get(0);
        assertEquals(Tier.LEAD, loser.tier(), "C00000 returns more than it buys: " + loser);
        history.override(dataset, YEAR, loser.customerId(), Tier.GOLD, "strategic partner", "test");
        PeriodResults overridden = fresh.results(dataset, YEAR, Locale.ENGLISH);
        assertNotSame(rerun, overridden, "an override changes the period's tiers");
        assertEquals(Tier.GOLD, overridden.tiers().get(0).tier());
        assertEquals(Tier.LEAD, overridden.tiers().get(0).computedTier());
        ViewModel afterOverride = pyramid.render(english);
        assertNotSame(model, afterOverride, "the override is drawn, not the kept picture of before");
        assertEquals(gold + 1, tierCount(afterOverride, "gold"));
        return new long[] { computing, lookingMicros, runsMicros };
    }

    /** The customers of a tier in the pyramid view's table. */
    private static long tierCount(ViewModel pyramid, String tier) {
        ViewTable table = pyramid.tables().get(0);
        return table.rows().stream().filter(row -> tier.equals(row.get(0))).mapToLong(row -> (Long) row.get(1))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + tier + " in " + table.rows()));
    }

    /**
     * 1,200 customers in 2024-Q1, of whom the first 600 buy again in 2024-Q2: 600 lost customers, listed by revenue
     * 500 to a page.
     */
    @Test
    void theMigrationListsEveryMoverPageByPage() throws Exception {
        String moving = dataset + "-moving";
        List<Purchase> purchases = new ArrayList<>();
        for (int customer = 0; customer < 1_200; customer++) {
            String id = String.format(Locale.ROOT, "M%05d", customer);
            BigDecimal revenue = BigDecimal.valueOf(100 + customer * 3L, 2);
            purchases.add(new Purchase(id, LocalDate.of(2024, 2, 1), null, null, "goods", BigDecimal.ONE, revenue, null));
            if (customer < 600) {
                purchases.add(new Purchase(id, LocalDate.of(2024, 5, 1), null, null, "goods", BigDecimal.ONE, revenue,
                        null));
            }
        }
        Services.get(PurchaseStore.class).store(moving, purchases);
        Analyses.analyzeAndStore(moving, null, PeriodLength.QUARTER);
        ReportView migration = Analyses.views(Set.of("migration")).get("migration");
        ViewTable first = lost(migration.render(new ViewRequest(moving, Map.of(), Locale.ENGLISH)));
        ViewTable second = lost(migration.render(new ViewRequest(moving, Map.of("page", "2"), Locale.ENGLISH)));
        ViewTable third = lost(migration.render(new ViewRequest(moving, Map.of("page", "3"), Locale.ENGLISH)));
        assertEquals(600, first.totalRows());
        assertEquals(500, first.rows().size());
        assertEquals(100, second.rows().size());
        assertEquals(0, third.rows().size());
        assertEquals("Lost customers (1 to 500 of 600)", first.title());
        assertEquals("Lost customers (501 to 600 of 600)", second.title());
        List<String> all = new ArrayList<>();
        List<BigDecimal> revenue = new ArrayList<>();
        for (ViewTable page : List.of(first, second)) {
            for (List<Object> row : page.rows()) {
                all.add((String) row.get(0));
                revenue.add((BigDecimal) row.get(3));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int customer = 1_199; customer >= 600; customer--) {
            expected.add(String.format(Locale.ROOT, "M%05d", customer));
        }
        assertEquals(expected, all, "every lost customer once, the largest revenue first");
        assertEquals(new BigDecimal("36.97"), revenue.get(0));
        ViewModel chinese = migration.render(new ViewRequest(moving, Map.of("page", "2"), Locale.SIMPLIFIED_CHINESE));
        assertEquals("流失客户（第 501 至 600 位，共 600 位）", lost(chinese).title());
        assertTrue(chinese.notes().stream().anyMatch(note -> note.contains("共 2 页")), chinese.notes().toString());
        for (String page : List.of("0", "two", "-1")) {
            ViewException refused = assertThrows(ViewException.class,
                    () -> migration.render(new ViewRequest(moving, Map.of("page", page), Locale.ENGLISH)));
            assertTrue(refused.getMessage().contains("'" + page + "' is not a page number"), refused.getMessage());
        }
    }

    private static ViewTable lost(ViewModel migration) {
        return migration.tables().stream().filter(table -> table.id().equals("lost")).findFirst().orElseThrow();
    }

    private static <T> List<T> atOnce(int requests, Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int each = 0; each < requests; each++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileAnalysedDirectlyHasItsTiersButNoProfitReport() throws Exception {
        Path file = Files.writeString(folder.resolve("direct.csv"), """
                customer_id,order_date,revenue
                D1,2024-02-01,500.00
                D1,2024-03-01,250.00
                D2,2024-02-10,80.00
                D3,2024-04-01,-50.00
                """);
        Analyses.analyzeAndStore(dataset, file, PeriodLength.YEAR);
        PeriodResults results = data.results(dataset, YEAR, Locale.ENGLISH);
        assertEquals(List.of("D1", "D2", "D3"), results.tiers().stream().map(StoredTier::customerId).toList());
        assertNull(results.report(), "no stored purchases");
        assertNull(results.scores());
        assertTrue(results.profit().isEmpty());

        Map<String, ReportView> views = Analyses.views(Set.of("eroders", "pyramid", "account"));
        ViewModel eroders = views.get("eroders").render(new ViewRequest(dataset, Map.of(), Locale.ENGLISH));
        ViewTable table = eroders.tables().get(0);
        // D3 returned goods for 50.00: one order line (1.50) and one returned line (10.00) on top
        assertEquals(List.of("D3"), table.rows().stream().map(row -> row.get(0)).toList());
        assertEquals(List.of("customer", "score", "revenue", "gross_margin", "cost_to_serve", "net_profit"),
                table.columns().stream().map(ViewTable.Column::id).toList());
        assertEquals(new BigDecimal("-61.50"), table.rows().get(0).get(5));
        assertNull(table.rows().get(0).get(3), "no gross margin without the purchases");
        assertTrue(eroders.notes().get(0).contains("needs the purchases imported"), eroders.notes().toString());
        ViewModel chinese = views.get("eroders").render(new ViewRequest(dataset, Map.of(), Locale.SIMPLIFIED_CHINESE));
        assertTrue(chinese.notes().get(0).contains("成本明细需要导入的购买记录"), chinese.notes().toString());

        ViewModel pyramid = views.get("pyramid").render(new ViewRequest(dataset, Map.of(), Locale.ENGLISH));
        assertEquals(new BigDecimal("780.00"), pyramid.figures().get(1).value());
        ViewModel account = views.get("account").render(new ViewRequest(dataset, Map.of("customer", "D1"),
                Locale.ENGLISH));
        assertEquals(new BigDecimal("747.00"), account.figures().stream().filter(f -> f.id().equals("net_profit"))
                .findFirst().orElseThrow().value());
        assertTrue(account.notes().stream().anyMatch(note -> note.contains("not in the archive")), account.notes().toString());
    }

    @Test
    void requestsThatCannotBeAnsweredSayWhatToDo() {
        try (ArchiveLoad<Customer> load = Services.get(CustomerArchive.class).openLoad(dataset, Customer.class)) {
            load.add(new Customer("K1", "Kunde eins", null, null, null, null, CustomerStatus.ACTIVE, null, List.of()));
            load.commit();
        }
        ViewException notTiered = assertThrows(ViewException.class, () -> data.latest(dataset, Locale.ENGLISH));
        assertEquals("Dataset '" + dataset + "' has not been tiered yet: run moneytree analyze --dataset " + dataset
                + " first.", notTiered.getMessage());
        ViewException notTieredChinese = assertThrows(ViewException.class,
                () -> data.results(dataset, YEAR, Locale.SIMPLIFIED_CHINESE));
        assertTrue(notTieredChinese.getMessage().contains("请先运行 moneytree analyze --dataset " + dataset),
                notTieredChinese.getMessage());
        assertEquals(List.of(), data.periods(dataset));

        ViewException unknown = assertThrows(ViewException.class,
                () -> data.results("no-such-dataset", YEAR, Locale.ENGLISH));
        assertTrue(unknown.getMessage().startsWith("There is no dataset 'no-such-dataset' (datasets: "),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains(dataset), unknown.getMessage());

        Map<String, ReportView> views = Analyses.views(Set.of("whale"));
        ViewException fromView = assertThrows(ViewException.class,
                () -> views.get("whale").render(new ViewRequest(dataset, Map.of(), Locale.ENGLISH)));
        assertEquals(notTiered.getMessage(), fromView.getMessage());
    }
}
