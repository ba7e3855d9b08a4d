package org.moneytree.report.views.internal;

import java.util.ArrayList;
import java.util.List;

import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;
import org.moneytree.api.report.ViewTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Pareto view: how concentrated revenue and net profit are. Its line chart shows the cumulative share of
 * revenue against the share of customers ranked by revenue, and the same for net profit (ranked by net profit);
 * its deciles table shows what each tenth of customers by revenue brings in revenue and in net profit.
 */
@Component(service = ReportView.class)
public final class ParetoView extends StandardView {

    private final PeriodColumns columns;

    @Activate
    public ParetoView(@Reference ReportData data, @Reference PeriodColumns columns) {
        super(data, "pareto", "Pareto curve", "帕累托曲线", Group.ANALYSIS);
        this.columns = columns;
    }

    @Override
    public List<ViewParameter> parameters() {
        return List.of(PERIOD);
    }

    @Override
    public ViewModel render(ViewRequest request) throws ViewException {
        PeriodResults results = results(request, PERIOD.id());
        return model(request, List.of(results), () -> render(request, results));
    }

    private ViewModel render(ViewRequest request, PeriodResults results) throws ViewException {
        Texts t = new Texts(request.locale());
        PeriodColumns.Columns amounts = columns.of(results);
        long[] profit = amounts.netProfit();
        Ranked byRevenue = amounts.byRevenue();
        Ranked byProfit = amounts.byNetProfit();
        int customers = byRevenue.size();
        Double revenueShare = byRevenue.share(byRevenue.topFifth());
        Double profitShare = byProfit.share(byProfit.topFifth());
        List<KeyFigure> figures = List.of(
                t.figure("customers", "Customers", "客户数", ValueType.COUNT, (long) customers),
                t.figure("revenue", "Revenue", "收入", ValueType.MONEY, Amounts.money(byRevenue.total())),
                t.figure("net_profit", "Net profit", "净利润", ValueType.MONEY, Amounts.money(byProfit.total())),
                t.figure("top20_revenue_share", "Top 20% share of revenue", "前 20% 客户的收入占比", ValueType.SHARE,
                        revenueShare),
                t.figure("top20_profit_share", "Top 20% share of net profit", "前 20% 客户的净利润占比", ValueType.SHARE,
                        profitShare),
                t.figure("revenue_gini", "Gini coefficient of revenue", "收入基尼系数", ValueType.NUMBER, byRevenue.gini()));
        List<ViewChart.Series> series = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        series.add(curve("revenue", t.of("Revenue", "收入"), byRevenue));
        if (byProfit.total() > 0) {
            series.add(curve("net_profit", t.of("Net profit", "净利润"), byProfit));
        } else {
            notes.add(t.of("The net profit curve is left out: the period's total net profit is not positive.",
                    "未绘制净利润曲线：本期净利润总额不为正。"));
        }
        ViewChart chart = new ViewChart("pareto", t.of("Cumulative share by share of customers", "累计占比与客户占比"),
                ViewChart.Kind.LINE, t.axis("Share of customers, best first", "客户占比（从高到低）", ValueType.SHARE),
                t.axis("Cumulative share", "累计占比", ValueType.SHARE), series, List.of());
        notes.add(t.of("Customers are ranked by revenue for the revenue curve and the deciles, by net profit for the"
                + " net profit curve. A net profit share above 100% means that the other customers lose money.",
                "收入曲线与十分位按收入排序，净利润曲线按净利润排序。净利润占比超过 100% 表示其余客户在亏损。"));
        String summary = revenueShare == null ? ""
                : t.format("The top 20%% of %s customers by revenue bring %s of the revenue%s.",
                        "按收入排名前 20%% 的客户（共 %s 位客户）带来 %s 的收入%s。", Texts.count(customers),
                        Texts.percent(revenueShare), profitShare == null ? ""
                                : t.format("; the top 20%% by net profit bring %s of the net profit",
                                        "；按净利润排名前 20%% 的客户带来 %s 的净利润", Texts.percent(profitShare)));
        return new ViewModel(id(), title(request, results.period()), summary, figures, List.of(chart),
                List.of(deciles(t, byRevenue, profit)), notes);
    }

    private static ViewChart.Series curve(String id, String label, Ranked ranked) {
        List<ViewChart.Point> points = new ArrayList<>();
        int customers = ranked.size();
        // two curves share the chart's points
        for (int count : ranked.samples(Ranked.CHART_POINTS / 2)) {
            double x = customers == 0 ? 0 : (double) count / customers;
            Double y = ranked.share(count);
            points.add(new ViewChart.Point(x, y == null ? 0 : y));
        }
        return new ViewChart.Series(id, label, points);
    }

    /** Each tenth of the customers ranked by revenue: its revenue, and the net profit of the same customers. */
    private static ViewTable deciles(Texts t, Ranked byRevenue, long[] profit) {
        int customers = byRevenue.size();
        long totalProfit = 0;
        for (long cents : profit) {
            totalProfit += cents;
        }
        List<List<Object>> rows = new ArrayList<>(10);
        int from = 0;
        long cumulativeProfit = 0;
        for (int decile = 1; decile <= 10; decile++) {
            int to = (int) Math.ceil(customers * decile / 10.0 - 1e-9);
            long decileProfit = 0;
            for (int rank = from; rank < to; rank++) {
                decileProfit += profit[byRevenue.at(rank)];
            }
            cumulativeProfit += decileProfit;
            long revenue = byRevenue.sum(to) - byRevenue.sum(from);
            rows.add(Texts.row((decile - 1) * 10 + "–" + decile * 10 + "%", (long) (to - from), Amounts.money(revenue),
                    Amounts.share(revenue, byRevenue.total()), byRevenue.share(to), Amounts.money(decileProfit),
                    Amounts.share(decileProfit, totalProfit), Amounts.share(cumulativeProfit, totalProfit)));
            from = to;
        }
        return new ViewTable("deciles", t.of("Deciles of customers by revenue", "按收入划分的客户十分位"), List.of(
                t.column("decile", "Customers by revenue", "按收入排名的客户", ValueType.TEXT),
                t.column("customers", "Customers", "客户数", ValueType.COUNT),
                t.column("revenue", "Revenue", "收入", ValueType.MONEY),
                t.column("revenue_share", "Share of revenue", "收入占比", ValueType.SHARE),
                t.column("cumulative_revenue_share", "Cumulative share of revenue", "累计收入占比", ValueType.SHARE),
                t.column("net_profit", "Net profit", "净利润", ValueType.MONEY),
                t.column("net_profit_share", "Share of net profit", "净利润占比", ValueType.SHARE),
                t.column("cumulative_profit_share", "Cumulative share of net profit", "累计净利润占比", ValueType.SHARE)),
                rows);
    }
}
