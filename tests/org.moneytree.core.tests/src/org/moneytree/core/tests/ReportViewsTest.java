package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewRequest;
import org.moneytree.api.report.ViewTable;
import org.osgi.framework.FrameworkUtil;

/**
 * The six standard reporting views, rendered from the example archive (an office-supplies distributor, 2024)
 * analysed, tiered and stored by year and by quarter as {@code moneytree analyze} does. Figures of 2024 by hand
 * (standard rates: visit 150, delivery 25, support hour 60, rush order 80, return handling 40, payment delay day 5,
 * order line 1.50, returned line 10):
 * <pre>
 *        revenue   gross margin  cost to serve                                         net profit
 * A200  16,650.00    4,625.00    18 deliveries 450, 1 visit 150, 3 lines 4.50 =  604.50   4,020.50
 * S101   9,170.00    2,876.00    13 deliveries 325, rush 80, 3 h 180, 5 lines 7.50 = 592.50  2,283.50
 * S102   2,880.00    1,161.00    4 deliveries 100, return 40, 3 lines 4.50, 1 return line 10 = 154.50  1,006.50
 * A202     660.00      276.00    1 delivery 25, 1 line 1.50 = 26.50                      249.50
 * A203     360.00      135.00    delivery 25, return 40, 2 lines 3, return line 10 = 78     57.00
 * A201   3,100.00      690.00    delivery 75, 3 rush 240, 6 h 360, 45 delay days 225, 3 lines 4.50 = 904.50  -214.50
 * G100       0.00        0.00    2 visits 300                                              -300.00
 * A204     192.00       67.20    24 deliveries 600, 4 h 240, 2 lines 3 = 843               -775.80
 * total 33,012.00                cost to serve 3,503.50                                   6,326.70
 * </pre>
 * In 2024-Q1 there are S101, G100, S102, A200, A201, A203 and A204; in 2024-Q2 S101 (support hours only), G100,
 * S102 and A202.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportViewsTest {

    private static final Period YEAR = Period.parse("2024");
    private static final Period Q1 = Period.parse("2024-Q1");
    private static final Period Q2 = Period.parse("2024-Q2");
    private static final Set<String> IDS = Set.of("pareto", "whale", "pyramid", "migration", "eroders", "account");

    private final String dataset = "views-" + UUID.randomUUID().toString().substring(0, 8);
    private final ReportData data = Services.get(ReportData.class);
    private final Map<String, ReportView> views = new HashMap<>();

    @BeforeAll
    void analyseTheExampleArchive() throws Exception {
        Analyses.importExampleArchive(dataset);
        Analyses.analyzeAndStore(dataset, null, PeriodLength.YEAR);
        Analyses.analyzeAndStore(dataset, null, PeriodLength.QUARTER);
        views.putAll(Analyses.views(IDS));
    }

    private ViewModel render(String view, Locale locale, String... parameters) throws ViewException {
        Map<String, String> given = new HashMap<>();
        for (int index = 0; index < parameters.length; index += 2) {
            given.put(parameters[index], parameters[index + 1]);
        }
        ViewModel model = views.get(view).render(new ViewRequest(dataset, given, locale));
        assertEquals(view, model.viewId());
        return model;
    }

    private ViewModel render(String view, String... parameters) throws ViewException {
        return render(view, Locale.ENGLISH, parameters);
    }

    private static Object figure(ViewModel model, String id) {
        return model.figures().stream().filter(each -> each.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + id + " in " + model.figures())).value();
    }

    private static ViewTable table(ViewModel model, String id) {
        return model.tables().stream().filter(each -> each.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + id + " in " + model.viewId()));
    }

    private static ViewChart chart(ViewModel model, String id) {
        return model.charts().stream().filter(each -> each.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + id + " in " + model.viewId()));
    }

    /** The table's values of one column, by the column's id. */
    private static List<Object> column(ViewTable table, String id) {
        int at = -1;
        for (int index = 0; index < table.columns().size(); index++) {
            if (table.columns().get(index).id().equals(id)) {
                at = index;
            }
        }
        assertTrue(at >= 0, "no column " + id + " in table " + table.id());
        int column = at;
        return table.rows().stream().map(row -> row.get(column)).toList();
    }

    /** A row as a map from column id to value. */
    private static Map<String, Object> row(ViewTable table, int index) {
        Map<String, Object> row = new TreeMap<>();
        for (int column = 0; column < table.columns().size(); column++) {
            row.put(table.columns().get(column).id(), table.rows().get(index).get(column));
        }
        return row;
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private ProfitReport report(Period period) throws ViewException {
        return data.results(dataset, period, Locale.ENGLISH).report();
    }

    @Test
    void theSixViewsAreRegisteredAsServicesWithTheirIdsAndGroups() {
        assertEquals(IDS, views.keySet());
        assertEquals("org.moneytree.report", FrameworkUtil.getBundle(data.getClass()).getSymbolicName());
        for (String bundle : List.of("org.moneytree.report", "org.moneytree.report.views")) {
            assertNull(Services.bundle(bundle).getHeaders("").get("Export-Package"), bundle + " exports nothing");
        }
        for (ReportView view : views.values()) {
            assertEquals("org.moneytree.report.views", FrameworkUtil.getBundle(view.getClass()).getSymbolicName());
            String group = view.id().equals("account") ? "Accounts" : "Analysis";
            assertEquals(group, view.group(Locale.ENGLISH), view.id());
            assertEquals(group.equals("Accounts") ? "客户" : "分析", view.group(Locale.SIMPLIFIED_CHINESE), view.id());
            assertTrue(!view.title(Locale.ENGLISH).equals(view.title(Locale.SIMPLIFIED_CHINESE)), view.id());
        }
        assertEquals(List.of("period", "limit"), views.get("eroders").parameters().stream().map(p -> p.id()).toList());
        assertEquals(List.of("from", "to", "page"), views.get("migration").parameters().stream().map(p -> p.id()).toList());
        assertTrue(views.get("account").parameters().get(0).required());
    }

    @Test
    void thePyramidsTotalsAreTheReportsTotals() throws ViewException {
        ViewModel pyramid = render("pyramid", "period", "2024");
        ProfitReport report = report(YEAR);
        assertEquals("Customer pyramid — " + dataset + ", 2024", pyramid.title());
        assertEquals(8L, figure(pyramid, "customers"));
        assertEquals(report.totals().revenue(), figure(pyramid, "revenue"));
        assertEquals(money("33012.00"), figure(pyramid, "revenue"));
        assertEquals(money("6326.70"), figure(pyramid, "net_profit"));
        assertEquals(report.totals().netProfit(), figure(pyramid, "net_profit"));

        ViewTable tiers = table(pyramid, "tiers");
        assertEquals(List.of("platinum", "gold", "iron", "lead", "Total"), column(tiers, "tier"));
        List<Object> customers = column(tiers, "customers");
        assertEquals(8L, customers.get(4));
        assertEquals(8L, customers.subList(0, 4).stream().mapToLong(count -> (Long) count).sum());
        BigDecimal revenue = column(tiers, "revenue").subList(0, 4).stream().map(BigDecimal.class::cast)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(money("33012.00"), revenue);
        assertEquals(money("33012.00"), column(tiers, "revenue").get(4));
        assertEquals(1.0, (Double) column(tiers, "revenue_share").get(4), 1e-12);
        // every loss-maker is lead: A201, G100 and A204 at least, losing 1,290.30 between them
        assertTrue((Long) customers.get(3) >= 3, "lead customers: " + customers.get(3));
        assertTrue(((BigDecimal) column(tiers, "net_profit").get(3)).compareTo(money("-1290.30")) <= 0);

        ViewChart chart = chart(pyramid, "pyramid");
        assertEquals(ViewChart.Kind.PYRAMID, chart.kind());
        assertEquals(8.0, chart.series().get(0).points().stream().mapToDouble(ViewChart.Point::y).sum());
        assertEquals(ViewChart.Kind.BAR, chart(pyramid, "tiers").kind());

        ViewModel chinese = render("pyramid", Locale.SIMPLIFIED_CHINESE, "period", "2024");
        assertEquals(List.of("铂金", "黄金", "铁质", "铅质", "合计"), column(table(chinese, "tiers"), "tier"));
        assertTrue(chinese.title().startsWith("客户金字塔 — "), chinese.title());
    }

    @Test
    void theWhalePeakIsTheHighestCumulativeProfit() throws ViewException {
        ViewModel whale = render("whale", "period", "2024");
        // A200, S101, S102, A202 and A203 earn 7,617.00; A201, G100 and A204 lose 1,290.30 of it
        assertEquals(5L, figure(whale, "peak_customers"));
        assertEquals(money("7617.00"), figure(whale, "peak_profit"));
        assertEquals(7617.00 / 6326.70, (Double) figure(whale, "peak_share"), 1e-12);
        assertEquals(3L, figure(whale, "loss_makers"));
        assertEquals(money("1290.30"), figure(whale, "profit_destroyed"));
        assertEquals(money("6326.70"), figure(whale, "net_profit"));
        ProfitReport report = report(YEAR);
        assertEquals(report.concentration().whalePeakShare(), (Double) figure(whale, "peak_share"), 1e-12);
        assertEquals(report.concentration().whalePeakCustomers(), ((Long) figure(whale, "peak_customers")).intValue());

        ViewChart chart = chart(whale, "whale");
        assertEquals(ViewChart.Kind.LINE, chart.kind());
        assertEquals(ValueType.SHARE, chart.y().type());
        List<ViewChart.Point> points = chart.series().get(0).points();
        assertEquals(9, points.size(), "0 to 8 customers");
        double highest = points.stream().mapToDouble(ViewChart.Point::y).max().orElseThrow();
        assertEquals((Double) figure(whale, "peak_share"), highest, 1e-12);
        assertEquals(1.0, points.get(8).y(), 1e-12);
        assertEquals("A200", points.get(1).customerId());
        assertEquals("A204", points.get(8).customerId());
        ViewChart.Mark peak = chart.marks().get(0);
        assertEquals("peak", peak.id());
        assertEquals(5L, peak.x());
        assertEquals(highest, peak.y(), 1e-12);
        assertTrue(peak.label().contains("120.4%"), peak.label());
        assertEquals("loss_makers", chart.marks().get(1).id());
        assertEquals(5L, chart.marks().get(1).x());

        ViewTable segments = table(whale, "segments");
        assertEquals(List.of(5L, 0L, 3L), column(segments, "customers"));
        assertEquals(List.of(money("7617.00"), money("0.00"), money("-1290.30")), column(segments, "net_profit"));
    }

    @Test
    void theParetoViewAgreesWithTheAnalysis() throws ViewException {
        ViewModel pareto = render("pareto", "period", "2024");
        ProfitReport report = report(YEAR);
        assertEquals(8L, figure(pareto, "customers"));
        // top 20% is 2 customers: A200 and S101 bring 25,820 of 33,012 revenue; A200 and S101 4,020.50 + 2,283.50
        assertEquals(25820.0 / 33012.0, (Double) figure(pareto, "top20_revenue_share"), 1e-12);
        assertEquals(6304.0 / 6326.7, (Double) figure(pareto, "top20_profit_share"), 1e-12);
        assertEquals(report.concentration().topFifthRevenueShare(), (Double) figure(pareto, "top20_revenue_share"), 1e-12);
        assertEquals(report.concentration().topFifthProfitShare(), (Double) figure(pareto, "top20_profit_share"), 1e-12);
        assertEquals(report.concentration().revenueGini(), (Double) figure(pareto, "revenue_gini"), 1e-12);

        ViewChart chart = chart(pareto, "pareto");
        assertEquals(List.of("revenue", "net_profit"), chart.series().stream().map(ViewChart.Series::id).toList());
        List<ViewChart.Point> revenue = chart.series().get(0).points();
        assertEquals(0.0, (Double) revenue.get(0).x());
        assertEquals(1.0, (Double) revenue.get(revenue.size() - 1).x());
        assertEquals(1.0, revenue.get(revenue.size() - 1).y(), 1e-12);
        assertEquals(16650.0 / 33012.0, revenue.get(1).y(), 1e-12);

        ViewTable deciles = table(pareto, "deciles");
        assertEquals(10, deciles.rows().size());
        assertEquals(8L, column(deciles, "customers").stream().mapToLong(count -> (Long) count).sum());
        assertEquals(money("33012.00"), column(deciles, "revenue").stream().map(BigDecimal.class::cast)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(money("6326.70"), column(deciles, "net_profit").stream().map(BigDecimal.class::cast)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(1.0, (Double) column(deciles, "cumulative_revenue_share").get(9), 1e-12);
        // the first decile is A200 alone (ceil(0.8) customers)
        assertEquals(Map.of("decile", "0–10%", "customers", 1L, "revenue", money("16650.00"), "net_profit",
                money("4020.50")), Map.of("decile", row(deciles, 0).get("decile"), "customers",
                row(deciles, 0).get("customers"), "revenue", row(deciles, 0).get("revenue"), "net_profit",
                row(deciles, 0).get("net_profit")));
    }

    @Test
    void erodersAreLeadLossMakersWorstFirstWithTheirCostToServe() throws ViewException {
        ViewModel eroders = render("eroders", "period", "2024");
        ViewTable table = table(eroders, "eroders");
        assertEquals(List.of("A204", "G100", "A201"), column(table, "customer"));
        assertEquals(ValueType.CUSTOMER, table.columns().get(0).type());
        Map<String, Object> worst = row(table, 0);
        assertEquals(money("192.00"), worst.get("revenue"));
        assertEquals(money("67.20"), worst.get("gross_margin"));
        assertEquals(money("600.00"), worst.get("cost_delivery"));
        assertEquals(money("240.00"), worst.get("cost_support_hour"));
        assertEquals(money("3.00"), worst.get("cost_order_line"));
        assertEquals(money("0.00"), worst.get("cost_visit"));
        assertEquals(money("843.00"), worst.get("cost_to_serve"));
        assertEquals(money("-775.80"), worst.get("net_profit"));
        for (int index = 0; index < table.rows().size(); index++) {
            Map<String, Object> row = row(table, index);
            BigDecimal costs = row.entrySet().stream().filter(entry -> entry.getKey().startsWith("cost_")
                    && !entry.getKey().equals("cost_to_serve")).map(entry -> (BigDecimal) entry.getValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(row.get("cost_to_serve"), costs, row.get("customer") + ": the activities add up");
            assertEquals(row.get("net_profit"), ((BigDecimal) row.get("gross_margin")).subtract(costs),
                    row.get("customer") + ": net profit is gross margin less cost to serve");
        }
        assertEquals(3L, figure(eroders, "eroders"));
        assertEquals(money("1290.30"), figure(eroders, "total_loss"));
        // 843 + 300 + 904.50 of 3,503.50
        assertEquals(2047.50 / 3503.50, (Double) figure(eroders, "cost_to_serve_share"), 1e-12);
        ViewChart chart = chart(eroders, "eroders");
        assertEquals(ViewChart.Kind.STACKED_BAR, chart.kind());
        assertEquals("A204", chart.series().get(0).points().get(0).customerId());
        assertEquals(843.0, chart.series().stream().mapToDouble(series -> series.points().get(0).y()).sum(), 1e-9);

        assertEquals("3 lead customers lose 1,290.30 in all; they take 58.4% of the cost to serve.", eroders.summary());
        assertTrue(table.columns().stream().anyMatch(column -> column.label().equals("Cost: support hour")),
                table.columns().toString());
        ViewModel chinese = render("eroders", Locale.SIMPLIFIED_CHINESE, "period", "2024");
        assertTrue(table(chinese, "eroders").columns().stream().anyMatch(column -> column.label().equals("送货成本")),
                table(chinese, "eroders").columns().toString());
        assertTrue(chart(chinese, "eroders").series().stream().anyMatch(series -> series.label().equals("拜访")),
                chart(chinese, "eroders").series().toString());

        ViewModel two = render("eroders", "period", "2024", "limit", "2");
        assertEquals(2, table(two, "eroders").rows().size());
        assertEquals(3, table(two, "eroders").totalRows());
        ViewException bad = assertThrows(ViewException.class, () -> render("eroders", "limit", "lots"));
        assertTrue(bad.getMessage().contains("'lots'"), bad.getMessage());
    }

    @Test
    void migrationCountsAddUpToTheCustomers() throws ViewException {
        ViewModel migration = render("migration");
        assertEquals("Tier migration — " + dataset + ", 2024-Q1 → 2024-Q2", migration.title());
        assertEquals(1L, figure(migration, "new"));
        assertEquals(4L, figure(migration, "lost"));
        assertEquals(3L, (Long) figure(migration, "up") + (Long) figure(migration, "down")
                + (Long) figure(migration, "unchanged"), "S101, G100 and S102 are in both quarters");

        ViewTable matrix = table(migration, "matrix");
        assertEquals(5, matrix.rows().size());
        long all = 0;
        long inQ1 = 0;
        long inQ2 = 0;
        for (int from = 0; from < 5; from++) {
            for (int to = 1; to <= 5; to++) {
                Long count = (Long) matrix.rows().get(from).get(to);
                all += count == null ? 0 : count;
                inQ1 += from < 4 && count != null ? count : 0;
                inQ2 += to < 5 && count != null ? count : 0;
            }
        }
        assertEquals(8, all, "every customer of either quarter once");
        assertEquals(data.results(dataset, Q1, Locale.ENGLISH).tiers().size(), inQ1);
        assertEquals(7, inQ1);
        assertEquals(4, inQ2);
        assertEquals(List.of("A202"), column(table(migration, "new"), "customer"));
        assertEquals(Set.of("A200", "A201", "A203", "A204"), Set.copyOf(column(table(migration, "lost"), "customer")));
        // lost customers are listed by their revenue of Q1, the largest first
        assertEquals("A200", column(table(migration, "lost"), "customer").get(0));
        assertEquals(ViewChart.Kind.STACKED_BAR, chart(migration, "migration").kind());

        assertEquals(migration.figures(), render("migration", "from", "2024-Q1", "to", "2024-Q2").figures());
        assertEquals(migration.figures(), render("migration", "to", "2024-Q2").figures());
        ViewException noRun = assertThrows(ViewException.class, () -> render("migration", "from", "2023-Q4"));
        assertTrue(noRun.getMessage().contains("2023-Q4") || noRun.getMessage().contains("two tiered periods"),
                noRun.getMessage());
        ViewException backwards = assertThrows(ViewException.class,
                () -> render("migration", "from", "2024-Q2", "to", "2024-Q1"));
        assertTrue(backwards.getMessage().contains("must come before"), backwards.getMessage());
    }

    @Test
    void theAccountProfileShowsTheArchiveAndTheFigures() throws ViewException {
        ViewModel account = render("account", "customer", "S101", "period", "2024");
        assertEquals("Account profile — 上海办公用品有限公司 (S101), " + dataset + ", 2024", account.title());
        assertEquals(money("9170.00"), figure(account, "revenue"));
        assertEquals(money("2876.00"), figure(account, "gross_margin"));
        assertEquals(money("592.50"), figure(account, "cost_to_serve"));
        assertEquals(money("2283.50"), figure(account, "net_profit"));
        assertNotNull(figure(account, "score"));
        assertNotNull(figure(account, "tier"));
        // the group of 华东控股集团: G100 (visits only, -300), S101 and S102
        assertEquals(List.of("G100", "S101", "S102"), column(table(account, "group"), "customer"));
        assertEquals(money("12050.00"), figure(account, "group_revenue"));
        assertEquals(money("2990.00"), figure(account, "group_net_profit"));

        assertEquals(Set.of("孙丽", "周杰"), Set.copyOf(column(table(account, "contacts"), "name")));
        ViewTable expectations = table(account, "expectations");
        assertEquals(List.of("五个工作日内送达", "48 小时内送达"), column(expectations, "expectation"));
        assertEquals(List.of("earlier", "current"), column(expectations, "status"));
        assertEquals(List.of("K-2024-02"), column(table(account, "contracts"), "contract"));

        ViewTable costs = table(account, "costs");
        int delivery = column(costs, "activity").indexOf("delivery");
        assertEquals(0, new BigDecimal("13").compareTo((BigDecimal) column(costs, "quantity").get(delivery)));
        assertEquals(money("325.00"), column(costs, "cost").get(delivery));
        assertEquals(money("592.50"), column(costs, "cost").stream().map(BigDecimal.class::cast)
                .reduce(BigDecimal.ZERO, BigDecimal::add));

        assertTrue(column(costs, "activity").contains("support hour"), column(costs, "activity").toString());
        ViewTable chineseCosts = table(render("account", Locale.SIMPLIFIED_CHINESE, "customer", "S101", "period", "2024"),
                "costs");
        assertEquals("送货", column(chineseCosts, "activity").get(delivery), "the cost model's unit, without 次");
        assertTrue(column(chineseCosts, "activity").contains("支持"), column(chineseCosts, "activity").toString());

        ViewTable score = table(account, "score");
        assertTrue(score.rows().size() >= 6, "every criterion: " + score.rows().size());
        double points = column(score, "points").stream().mapToDouble(value -> (Double) value).sum();
        assertEquals((Double) figure(account, "score"), points, 0.01);

        ViewTable history = table(account, "history");
        assertEquals(List.of("2024-Q1", "2024", "2024-Q2"), column(history, "period"));
        assertEquals(List.of(money("2283.50")), column(history, "net_profit").subList(1, 2));
        assertEquals(2, account.charts().size());

        ViewModel chinese = render("account", Locale.SIMPLIFIED_CHINESE, "customer", "S101");
        assertTrue(chinese.title().startsWith("客户档案 — "), chinese.title());
        assertTrue(chinese.title().endsWith(", 2024-Q2"), "by default the latest period the customer was tiered in: "
                + chinese.title());
        assertEquals(List.of("以前", "当前"), column(table(chinese, "expectations"), "status"));

        ViewModel prospect = render("account", "customer", "A205");
        assertNull(figure(prospect, "net_profit"), "A205 is only a prospect");
        assertTrue(prospect.notes().stream().anyMatch(note -> note.contains("no figures")), prospect.notes().toString());
        assertEquals(List.of("黄磊"), column(table(prospect, "contacts"), "name"));

        ViewException unknown = assertThrows(ViewException.class, () -> render("account", "customer", "NOPE"));
        assertTrue(unknown.getMessage().contains("'NOPE'") && unknown.getMessage().contains(dataset),
                unknown.getMessage());
        ViewException unknownChinese = assertThrows(ViewException.class,
                () -> render("account", Locale.SIMPLIFIED_CHINESE, "customer", "NOPE"));
        assertTrue(unknownChinese.getMessage().contains("没有客户 'NOPE'"), unknownChinese.getMessage());
    }

    @Test
    void aPeriodWithoutARunIsRefusedWithThePeriodsThatHaveOne() {
        ViewException english = assertThrows(ViewException.class, () -> render("whale", "period", "2023"));
        assertEquals("Dataset '" + dataset + "' has no tiering run for 2023. Periods with one: 2024-Q1, 2024, 2024-Q2."
                + " To add it, run moneytree analyze --dataset " + dataset + " --period 2023.", english.getMessage());
        ViewException chinese = assertThrows(ViewException.class,
                () -> render("pareto", Locale.SIMPLIFIED_CHINESE, "period", "2023"));
        assertTrue(chinese.getMessage().contains("没有 2023 期的分级结果"), chinese.getMessage());
        ViewException badPeriod = assertThrows(ViewException.class, () -> render("pyramid", "period", "last year"));
        assertTrue(badPeriod.getMessage().contains("'last year' is not a period"), badPeriod.getMessage());
    }

    @Test
    void everyViewRendersInChineseWithTheSameFigures() throws ViewException {
        for (String view : List.of("pareto", "whale", "pyramid", "eroders")) {
            ViewModel english = render(view, "period", "2024");
            ViewModel chinese = render(view, Locale.SIMPLIFIED_CHINESE, "period", "2024");
            assertEquals(english.figures().stream().map(KeyFigure::value).toList(),
                    chinese.figures().stream().map(KeyFigure::value).toList(), view);
            assertTrue(!english.summary().equals(chinese.summary()), view + ": " + chinese.summary());
        }
        PeriodResults results = data.results(dataset, YEAR, Locale.ENGLISH);
        assertEquals(8, results.tiers().size());
        assertNotNull(results.scores());
    }
}
