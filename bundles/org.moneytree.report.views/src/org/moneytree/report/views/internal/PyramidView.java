package org.moneytree.report.views.internal;

import java.util.ArrayList;
import java.util.List;

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
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.Tier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The customer pyramid: customers, revenue and net profit per tier in force (overrides included), platinum at the
 * top. A pyramid chart of the customers, a bar chart of revenue and net profit, and a table with each tier's shares
 * and the total.
 */
@Component(service = ReportView.class)
public final class PyramidView extends StandardView {

    private final PeriodColumns columns;

    @Activate
    public PyramidView(@Reference ReportData data, @Reference PeriodColumns columns) {
        super(data, "pyramid", "Customer pyramid", "客户金字塔", Group.ANALYSIS);
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
        int tiers = Tier.values().length;
        long[] customers = new long[tiers];
        long[] revenue = new long[tiers];
        long[] profit = new long[tiers];
        PeriodColumns.Columns amounts = columns.of(results);
        List<StoredTier> stored = results.tiers();
        for (int index = 0; index < stored.size(); index++) {
            int tier = stored.get(index).tier().ordinal();
            customers[tier]++;
            revenue[tier] += amounts.revenue()[index];
            profit[tier] += amounts.netProfit()[index];
        }
        long allCustomers = results.tiers().size();
        long allRevenue = sum(revenue);
        long allProfit = sum(profit);
        List<ViewChart.Point> people = new ArrayList<>();
        List<ViewChart.Point> revenuePoints = new ArrayList<>();
        List<ViewChart.Point> profitPoints = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            int at = tier.ordinal();
            String label = t.tier(tier);
            // the charts' categories are tier ids (axis type TIER): front ends name and colour the tiers themselves
            people.add(new ViewChart.Point(tier.id(), customers[at], label, null));
            revenuePoints.add(new ViewChart.Point(tier.id(), Amounts.money(revenue[at]).doubleValue()));
            profitPoints.add(new ViewChart.Point(tier.id(), Amounts.money(profit[at]).doubleValue()));
            rows.add(row(label, customers[at], allCustomers, revenue[at], allRevenue, profit[at], allProfit));
        }
        rows.add(row(t.of("Total", "合计"), allCustomers, allCustomers, allRevenue, allRevenue, allProfit, allProfit));
        ViewChart pyramid = new ViewChart("pyramid", t.of("Customers per tier", "各层级客户数"), ViewChart.Kind.PYRAMID,
                t.axis("Tier", "层级", ValueType.TIER), t.axis("Customers", "客户数", ValueType.COUNT),
                List.of(new ViewChart.Series("customers", t.of("Customers", "客户数"), people)), List.of());
        ViewChart money = new ViewChart("tiers", t.of("Revenue and net profit per tier", "各层级收入与净利润"),
                ViewChart.Kind.BAR, t.axis("Tier", "层级", ValueType.TIER), t.axis("Amount", "金额", ValueType.MONEY),
                List.of(new ViewChart.Series("revenue", t.of("Revenue", "收入"), revenuePoints),
                        new ViewChart.Series("net_profit", t.of("Net profit", "净利润"), profitPoints)), List.of());
        ViewTable table = new ViewTable("tiers", t.of("Tiers", "层级"), List.of(
                t.column("tier", "Tier", "层级", ValueType.TEXT),
                t.column("customers", "Customers", "客户数", ValueType.COUNT),
                t.column("customer_share", "Share of customers", "客户占比", ValueType.SHARE),
                t.column("revenue", "Revenue", "收入", ValueType.MONEY),
                t.column("revenue_share", "Share of revenue", "收入占比", ValueType.SHARE),
                t.column("net_profit", "Net profit", "净利润", ValueType.MONEY),
                t.column("net_profit_share", "Share of net profit", "净利润占比", ValueType.SHARE)), rows);
        int top = Tier.PLATINUM.ordinal();
        Double topShare = Amounts.share(profit[top], allProfit);
        String summary = topShare == null ? ""
                : t.format("Platinum customers: %s (%s), making %s of the net profit; lead customers: %s.",
                        "%s 位铂金客户（%s）创造 %s 的净利润；%s 位为铅质客户。", Texts.count(customers[top]),
                        Texts.percent(customers[top] / (double) Math.max(1, allCustomers)), Texts.percent(topShare),
                        Texts.count(customers[Tier.LEAD.ordinal()]));
        return new ViewModel(id(), title(request, results.period()), summary, List.of(
                t.figure("customers", "Customers", "客户数", ValueType.COUNT, allCustomers),
                t.figure("revenue", "Revenue", "收入", ValueType.MONEY, Amounts.money(allRevenue)),
                t.figure("net_profit", "Net profit", "净利润", ValueType.MONEY, Amounts.money(allProfit)),
                t.figure("scheme", "Tier scheme", "分级方案", ValueType.TEXT, results.run().scheme())),
                List.of(pyramid, money), List.of(table), List.of(t.format("Tiers in force, overrides included (scheme %s).",
                        "采用生效的层级，包括人工调整（分级方案 %s）。", results.run().scheme())));
    }

    private static List<Object> row(String label, long customers, long allCustomers, long revenue, long allRevenue,
            long profit, long allProfit) {
        return Texts.row(label, customers, Amounts.share(customers, allCustomers), Amounts.money(revenue),
                Amounts.share(revenue, allRevenue), Amounts.money(profit), Amounts.share(profit, allProfit));
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
