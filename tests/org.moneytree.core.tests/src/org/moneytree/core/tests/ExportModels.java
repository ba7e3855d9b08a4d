package org.moneytree.core.tests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewTable;

/** Hand-built view models for the export tests: every kind of chart, and tables with awkward values. */
final class ExportModels {

    private ExportModels() {
    }

    static final String AWKWARD_NAME = "Smith, \"Big\" <Jim> & Co.\nsecond line";
    static final BigDecimal BIG_MONEY = new BigDecimal("12345678901234.56");

    /** A whale curve: a line over a numeric axis with 11 points and a marked peak. */
    static ViewChart whaleChart() {
        List<ViewChart.Point> points = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            double share = i / 10.0;
            points.add(new ViewChart.Point(share, 1.4 * Math.sin(Math.PI * share * 0.9) + share * 0.1,
                    "customer " + i + " <top>", "C" + i));
        }
        return new ViewChart("whale", "Whale curve <of> profit", ViewChart.Kind.LINE,
                new ViewChart.Axis("Share of customers", ValueType.SHARE),
                new ViewChart.Axis("Cumulative share of profit", ValueType.SHARE),
                List.of(new ViewChart.Series("profit", "Net profit", points)),
                List.of(new ViewChart.Mark("peak", "Peak: 142% of profit", 0.5, 1.42)));
    }

    /** Revenue and cost by tier: two series side by side over four categories. */
    static ViewChart barChart() {
        List<String> tiers = List.of("platinum", "gold", "iron", "lead");
        List<ViewChart.Point> revenue = new ArrayList<>();
        List<ViewChart.Point> cost = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            revenue.add(new ViewChart.Point(tiers.get(i), 1000.0 * (4 - i)));
            cost.add(new ViewChart.Point(tiers.get(i), 150.0 * (i + 1)));
        }
        return new ViewChart("by_tier", "Revenue and cost to serve by tier", ViewChart.Kind.BAR,
                new ViewChart.Axis("Tier", ValueType.TEXT), new ViewChart.Axis("Amount", ValueType.MONEY),
                List.of(new ViewChart.Series("revenue", "Revenue", revenue),
                        new ViewChart.Series("cost", "Cost to serve", cost)),
                List.of(new ViewChart.Mark("most", "Most cost", "lead", 600)));
    }

    /** Profit and loss stacked over three periods. */
    static ViewChart stackedChart() {
        List<String> periods = List.of("2022", "2023", "2024");
        return new ViewChart("stacked", "Profit by period", ViewChart.Kind.STACKED_BAR,
                new ViewChart.Axis("Period", ValueType.PERIOD), new ViewChart.Axis("Customers", ValueType.COUNT),
                List.of(new ViewChart.Series("profitable", "Profitable", periods.stream()
                        .map(p -> new ViewChart.Point(p, 100.0)).toList()),
                        new ViewChart.Series("losing", "Losing money", periods.stream()
                                .map(p -> new ViewChart.Point(p, 20.0)).toList())),
                List.of());
    }

    /** The customer pyramid: one series, four tiers. */
    static ViewChart pyramidChart() {
        return new ViewChart("pyramid", "Customer pyramid", ViewChart.Kind.PYRAMID,
                new ViewChart.Axis("Tier", ValueType.TIER), new ViewChart.Axis("Customers", ValueType.COUNT),
                List.of(new ViewChart.Series("customers", "Customers", List.of(
                        new ViewChart.Point("platinum", 269), new ViewChart.Point("gold", 806),
                        new ViewChart.Point("iron", 2687), new ViewChart.Point("lead", 1612)))),
                List.of());
    }

    static List<ViewTable.Column> columns() {
        return List.of(new ViewTable.Column("customer", "Customer", ValueType.CUSTOMER),
                new ViewTable.Column("name", "Name", ValueType.TEXT),
                new ViewTable.Column("tier", "Tier", ValueType.TIER),
                new ViewTable.Column("net_profit", "Net profit", ValueType.MONEY),
                new ViewTable.Column("share", "Share of profit", ValueType.SHARE),
                new ViewTable.Column("purchases", "Purchases", ValueType.COUNT),
                new ViewTable.Column("score", "Score", ValueType.SCORE));
    }

    /** Rows with commas, quotes, line breaks, markup, Chinese, nulls, big and negative money. */
    static List<List<Object>> awkwardRows() {
        return List.of(
                Arrays.asList("C1", AWKWARD_NAME, "platinum", BIG_MONEY, 0.25, 12L, 87.5),
                Arrays.asList("C2", "北京贸易有限公司", "gold", new BigDecimal("-1234.50"), 0.000125, 3L, 40.25),
                Arrays.asList("C3", null, "lead", null, null, null, null),
                Arrays.asList("C,4", "  leading and trailing  ", "iron", new BigDecimal("0.00"), 1.0, 0L, 0.0),
                Arrays.asList("C5", "=SUM(A1:A2)", "iron", new BigDecimal("7.10"), -0.5, 1L, 100.0));
    }

    static List<KeyFigure> figures() {
        return List.of(new KeyFigure("net_profit", "Net profit", ValueType.MONEY, new BigDecimal("457018.87")),
                new KeyFigure("customers", "Customers", ValueType.COUNT, 5374L),
                new KeyFigure("top_share", "Share of the top 20%", ValueType.SHARE, 0.611),
                new KeyFigure("big", "Big \"money\", here", ValueType.MONEY, BIG_MONEY),
                new KeyFigure("none", "Not known", ValueType.NUMBER, null));
    }

    /** A view with every chart kind, key figures, an awkward table cut short by the view, and notes. */
    static ViewModel full() {
        return new ViewModel("test", "Profitability <test> & more", "Who makes the profit, and who erodes it.",
                figures(), List.of(whaleChart(), barChart(), stackedChart(), pyramidChart()),
                List.of(new ViewTable("customers", "Customers, \"awkward\" ones", columns(), awkwardRows(), 1000)),
                List.of("Money is in the dataset's currency.", "A note with <markup> & \"quotes\"."));
    }

    /** The same in Chinese: titles and labels in Chinese, tier ids left for the exporter to name. */
    static ViewModel chinese() {
        List<ViewTable.Column> columns = List.of(new ViewTable.Column("customer", "客户", ValueType.CUSTOMER),
                new ViewTable.Column("tier", "层级", ValueType.TIER),
                new ViewTable.Column("net_profit", "净利润", ValueType.MONEY));
        List<List<Object>> rows = List.of(Arrays.asList("C1", "platinum", new BigDecimal("1520.10")),
                Arrays.asList("C2", "gold", new BigDecimal("820.00")),
                Arrays.asList("C3", "iron", new BigDecimal("12.00")),
                Arrays.asList("C4", "lead", new BigDecimal("-40.00")));
        return new ViewModel("pyramid", "客户金字塔 — 测试，2024", "各层级的客户数量与利润。",
                List.of(new KeyFigure("net_profit", "净利润", ValueType.MONEY, new BigDecimal("1234567.89")),
                        new KeyFigure("share", "前 20% 客户的利润占比", ValueType.SHARE, 0.5)),
                List.of(new ViewChart("pyramid", "客户金字塔", ViewChart.Kind.PYRAMID,
                        new ViewChart.Axis("层级", ValueType.TIER), new ViewChart.Axis("客户数", ValueType.COUNT),
                        List.of(new ViewChart.Series("customers", "客户数", List.of(new ViewChart.Point("铂金", 5),
                                new ViewChart.Point("黄金", 15), new ViewChart.Point("铁质", 50),
                                new ViewChart.Point("铅质", 30)))),
                        List.of())),
                List.of(new ViewTable("tiers", "客户层级", columns, rows)), List.of("金额以数据集的货币计。"));
    }

    /** A view with only one long table of {@code rows} rows, all given. */
    static ViewModel longTable(int rows) {
        List<List<Object>> values = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            values.add(Arrays.asList(String.format("C%05d", i), "Customer " + i, "iron",
                    new BigDecimal(i).movePointLeft(2), 0.001 * i, (long) i, 50.0));
        }
        return new ViewModel("long", "A long table", "", List.of(), List.of(),
                List.of(new ViewTable("all", "All customers", columns(), values)), List.of());
    }
}
