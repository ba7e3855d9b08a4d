package org.moneytree.report.views.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.ProfitReport;
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
 * The profit eroders: lead customers that lose money, the worst first, with what they bring (revenue, gross margin)
 * and what they cost to serve, activity by activity; a chart of the worst twenty's cost to serve.
 */
@Component(service = ReportView.class)
public final class ErodersView extends StandardView {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int CHARTED = 20;

    private static final ViewParameter LIMIT = new ViewParameter("limit", ViewParameter.Kind.INTEGER, false,
            "Customers listed", "列出客户数");

    /** A lead customer losing money: its stored tier, its position in the profit report (or -1), its net profit. */
    private record Eroder(StoredTier stored, int index, long netProfit) {
    }

    private final ActivityNames names;

    @Activate
    public ErodersView(@Reference ReportData data, @Reference ActivityNames names) {
        super(data, "eroders", "Profit eroders", "利润侵蚀者", Group.ANALYSIS);
        this.names = names;
    }

    @Override
    public List<ViewParameter> parameters() {
        return List.of(PERIOD, LIMIT);
    }

    @Override
    public ViewModel render(ViewRequest request) throws ViewException {
        int limit = limit(request, new Texts(request.locale()));
        PeriodResults results = results(request, PERIOD.id());
        return model(request, List.of(results), () -> render(request, results, limit));
    }

    private ViewModel render(ViewRequest request, PeriodResults results, int limit) {
        Texts t = new Texts(request.locale());
        ProfitReport report = results.report();
        CustomerFigures figures = report == null ? null : report.figures();
        List<Eroder> eroders = new ArrayList<>();
        for (StoredTier stored : results.tiers()) {
            if (stored.tier() != Tier.LEAD) {
                continue;
            }
            int index = figures == null ? -1 : figures.indexOf(stored.customerId());
            long netProfit = index >= 0 ? figures.netProfitCents(index) : Amounts.cents(stored.netProfit());
            if (netProfit < 0) {
                eroders.add(new Eroder(stored, index, netProfit));
            }
        }
        eroders.sort(Comparator.comparingLong(Eroder::netProfit));
        TreeSet<String> types = new TreeSet<>();
        long loss = 0;
        long theirCostToServe = 0;
        for (Eroder eroder : eroders) {
            loss -= eroder.netProfit();
            if (eroder.index() >= 0) {
                theirCostToServe += figures.costToServeCents(eroder.index());
                for (CustomerFigures.CostColumn column : figures.costs()) {
                    if (column.used(eroder.index())) {
                        types.add(column.activityType());
                    }
                }
            }
        }
        List<Eroder> listed = eroders.subList(0, Math.min(limit, eroders.size()));
        List<String> notes = new ArrayList<>();
        if (report == null) {
            notes.add(t.format("The cost breakdown needs the purchases imported: %s was analysed straight from a file"
                    + " (analyze --direct), so only the stored revenue and net profit are shown. Import the purchases"
                    + " (moneytree import FILE --dataset %s) and analyse again.",
                    "成本明细需要导入的购买记录：%s 是直接从文件分析的（analyze --direct），因此只显示已保存的收入与净利润。"
                            + "请导入购买记录（moneytree import FILE --dataset %s）后重新分析。",
                    results.period().id(), request.dataset()));
        }
        if (eroders.size() > listed.size()) {
            notes.add(t.format("The worst %s of %s eroders are listed.", "列出了 %2$s 位侵蚀者中最差的 %1$s 位。",
                    Texts.count(listed.size()), Texts.count(eroders.size())));
        }
        Long costToServe = report == null ? null : Amounts.cents(report.totals().costToServe());
        Double costShare = costToServe == null ? null : Amounts.share(theirCostToServe, costToServe);
        boolean one = eroders.size() == 1;
        String summary = eroders.isEmpty() ? t.of("No lead customer loses money in this period.", "本期没有亏损的铅质客户。")
                : t.format(one ? "1 lead customer loses %2$s%3$s." : "%s lead customers lose %s in all%s.",
                        "%s 位铅质客户共亏损 %s%s。", Texts.count(eroders.size()), Texts.money(Amounts.money(loss)),
                        costShare == null ? "" : t.format(one ? "; it takes %s of the cost to serve"
                                : "; they take %s of the cost to serve", "；占用了 %s 的服务成本", Texts.percent(costShare)));
        return new ViewModel(id(), title(request, results.period()), summary, List.of(
                t.figure("eroders", "Eroders", "侵蚀者", ValueType.COUNT, (long) eroders.size()),
                t.figure("total_loss", "Total loss", "亏损总额", ValueType.MONEY, Amounts.money(loss)),
                t.figure("cost_to_serve_share", "Their share of cost to serve", "占服务成本的比例", ValueType.SHARE,
                        costShare)),
                List.of(chart(t, eroders.subList(0, Math.min(CHARTED, eroders.size())), figures, types, report)),
                List.of(table(t, listed, eroders.size(), figures, types, report)), notes);
    }

    private static int limit(ViewRequest request, Texts t) throws ViewException {
        String given = request.parameter(LIMIT.id()).orElse(null);
        if (given == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(given.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ViewException(t.format("limit: '%s' is not a number of customers from 1 to %d.",
                "limit：'%s' 不是 1 到 %d 之间的客户数。", given, MAX_LIMIT));
    }

    private ViewTable table(Texts t, List<Eroder> listed, int all, CustomerFigures figures, TreeSet<String> types,
            ProfitReport report) {
        List<ViewTable.Column> columns = new ArrayList<>(List.of(
                t.column("customer", "Customer", "客户", ValueType.CUSTOMER),
                t.column("score", "Score", "评分", ValueType.SCORE),
                t.column("revenue", "Revenue", "收入", ValueType.MONEY),
                t.column("gross_margin", "Gross margin", "毛利", ValueType.MONEY)));
        for (String type : types) {
            columns.add(new ViewTable.Column("cost_" + type, t.format("Cost: %s", "%s成本", name(report, type, t)), ValueType.MONEY));
        }
        columns.add(t.column("cost_to_serve", "Cost to serve", "服务成本", ValueType.MONEY));
        columns.add(t.column("net_profit", "Net profit", "净利润", ValueType.MONEY));
        List<List<Object>> rows = new ArrayList<>(listed.size());
        for (Eroder eroder : listed) {
            int index = eroder.index();
            List<Object> row = new ArrayList<>(columns.size());
            row.add(eroder.stored().customerId());
            row.add(eroder.stored().score());
            row.add(index >= 0 ? Amounts.money(figures.revenueCents(index)) : eroder.stored().revenue());
            row.add(index >= 0 ? Amounts.money(figures.grossMarginCents(index)) : null);
            for (String type : types) {
                row.add(index >= 0 ? Amounts.money(cost(figures, index, type)) : null);
            }
            row.add(index >= 0 ? Amounts.money(figures.costToServeCents(index)) : null);
            row.add(Amounts.money(eroder.netProfit()));
            rows.add(row);
        }
        return new ViewTable("eroders", t.of("Lead customers losing money, the worst first", "亏损的铅质客户（从最差起）"),
                columns, rows, all);
    }

    /**
     * The worst customers' cost to serve, stacked by activity; without a breakdown (no stored purchases), their net
     * profit.
     */
    private ViewChart chart(Texts t, List<Eroder> worst, CustomerFigures figures, TreeSet<String> types,
            ProfitReport report) {
        ViewChart.Axis customers = t.axis("Customer", "客户", ValueType.TEXT);
        if (figures == null) {
            List<ViewChart.Point> points = new ArrayList<>();
            for (Eroder eroder : worst) {
                String id = eroder.stored().customerId();
                points.add(new ViewChart.Point(id, Amounts.money(eroder.netProfit()).doubleValue(), id, id));
            }
            return new ViewChart("eroders", t.of("Net profit of the worst eroders", "最差侵蚀者的净利润"), ViewChart.Kind.BAR,
                    customers, t.axis("Net profit", "净利润", ValueType.MONEY),
                    List.of(new ViewChart.Series("net_profit", t.of("Net profit", "净利润"), points)), List.of());
        }
        List<ViewChart.Series> series = new ArrayList<>();
        for (String type : types) {
            List<ViewChart.Point> points = new ArrayList<>();
            for (Eroder eroder : worst) {
                String id = eroder.stored().customerId();
                long cents = eroder.index() >= 0 ? cost(figures, eroder.index(), type) : 0;
                points.add(new ViewChart.Point(id, Amounts.money(cents).doubleValue(), id, id));
            }
            series.add(new ViewChart.Series(type, name(report, type, t), points));
        }
        return new ViewChart("eroders", t.of("Cost to serve of the worst eroders, by activity", "最差侵蚀者的服务成本（按活动）"),
                ViewChart.Kind.STACKED_BAR, customers, t.axis("Cost to serve", "服务成本", ValueType.MONEY), series,
                List.of());
    }

    private String name(ProfitReport report, String type, Texts t) {
        return names.name(report == null ? null : report.costModel(), type, t.locale());
    }

    /** A customer's cost of one activity type, all its lines of that type together, in cents. */
    private static long cost(CustomerFigures figures, int index, String type) {
        long cents = 0;
        for (CustomerFigures.CostColumn column : figures.costs()) {
            if (column.activityType().equals(type) && column.used(index)) {
                cents += column.cents()[index];
            }
        }
        return cents;
    }
}
