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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The whale curve: cumulative net profit, as a share of the total, against the customers ranked from the most
 * profitable to the least. It rises above 100% while profitable customers are added, peaks where the last of them
 * is, and falls back to 100% as the loss-makers give part of it away. Marks show the peak and where the loss-makers
 * begin.
 */
@Component(service = ReportView.class)
public final class WhaleView extends StandardView {

    private final PeriodColumns columns;

    @Activate
    public WhaleView(@Reference ReportData data, @Reference PeriodColumns columns) {
        super(data, "whale", "Whale curve", "鲸鱼曲线", Group.ANALYSIS);
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
        List<StoredTier> tiers = results.tiers();
        Ranked ranked = columns.of(results).byNetProfit();
        int customers = ranked.size();
        long total = ranked.total();
        int peak = ranked.peak();
        int notNegative = ranked.atLeast(0);
        int profitable = ranked.atLeast(1);
        int lossMakers = customers - notNegative;
        long destroyed = ranked.sum(notNegative) - total;
        // Shares of a total that is zero or negative say nothing (or the opposite): then the curve is in money.
        boolean inShares = total > 0;
        List<ViewChart.Point> points = new ArrayList<>();
        for (int count : ranked.samples(Ranked.CHART_POINTS, peak, notNegative)) {
            points.add(new ViewChart.Point((long) count, y(ranked, count, inShares), null,
                    count == 0 ? null : tiers.get(ranked.at(count - 1)).customerId()));
        }
        List<ViewChart.Mark> marks = new ArrayList<>();
        Double peakShare = inShares ? ranked.share(peak) : null;
        if (peak > 0) {
            marks.add(new ViewChart.Mark("peak", inShares
                    ? t.format("Peak: %s of net profit, %s", "峰值：净利润的 %s，%s 位客户",
                            Texts.percent(peakShare), t.chinese() ? Texts.count(peak) : Texts.count(peak, "customer", "customers"))
                    : t.format("Peak: %s, %s", "峰值：%s，%s 位客户", Texts.money(Amounts.money(ranked.sum(peak))),
                            t.chinese() ? Texts.count(peak) : Texts.count(peak, "customer", "customers")), (long) peak, y(ranked, peak, inShares)));
        }
        if (lossMakers > 0) {
            marks.add(new ViewChart.Mark("loss_makers", t.format("Loss-makers begin: %s %s",
                    "亏损客户从此开始：%s 位客户亏损 %s", t.chinese() ? Texts.count(lossMakers)
                            : Texts.count(lossMakers, "customer loses", "customers lose"), Texts.money(Amounts.money(destroyed))),
                    (long) notNegative, y(ranked, notNegative, inShares)));
        }
        ViewChart chart = new ViewChart("whale", t.of("Cumulative net profit", "累计净利润"), ViewChart.Kind.LINE,
                t.axis("Customers, from the most profitable", "客户数（从利润最高起）", ValueType.COUNT),
                inShares ? t.axis("Share of total net profit", "占净利润总额的比例", ValueType.SHARE)
                        : t.axis("Cumulative net profit", "累计净利润", ValueType.MONEY),
                List.of(new ViewChart.Series("net_profit", t.of("Cumulative net profit", "累计净利润"), points)), marks);
        List<String> notes = new ArrayList<>();
        if (!inShares) {
            notes.add(t.of("The period's total net profit is not positive, so the curve shows amounts, not shares.",
                    "本期净利润总额不为正，曲线显示金额而非占比。"));
        }
        String summary = peak == 0 ? t.of("No customer is profitable in this period.", "本期没有盈利的客户。")
                : t.format("The %s %s; %s away %s of it.",
                        "利润最高的 %s 位客户赚取 %s；%s 位亏损客户损失其中的 %s。", t.chinese() ? Texts.count(peak)
                                : peak == 1 ? "most profitable customer earns" : Texts.count(peak)
                                        + " most profitable customers earn",
                        inShares ? Texts.percent(peakShare) + t.of(" of the net profit", " 的净利润")
                                : Texts.money(Amounts.money(ranked.sum(peak))),
                        t.chinese() ? Texts.count(lossMakers) : Texts.count(lossMakers, "loss-maker gives", "loss-makers give"),
                        Texts.money(Amounts.money(destroyed)));
        return new ViewModel(id(), title(request, results.period()), summary, List.of(
                t.figure("peak_share", "Whale peak, share of net profit", "鲸鱼曲线峰值（占净利润）", ValueType.SHARE,
                        peakShare),
                t.figure("peak_customers", "Customers at the peak", "峰值处客户数", ValueType.COUNT, (long) peak),
                t.figure("peak_profit", "Net profit at the peak", "峰值处净利润", ValueType.MONEY,
                        Amounts.money(ranked.sum(peak))),
                t.figure("loss_makers", "Loss-makers", "亏损客户", ValueType.COUNT, (long) lossMakers),
                t.figure("profit_destroyed", "Profit the loss-makers destroy", "亏损客户损失的利润", ValueType.MONEY,
                        Amounts.money(destroyed)),
                t.figure("net_profit", "Total net profit", "净利润总额", ValueType.MONEY, Amounts.money(total))),
                List.of(chart), List.of(segments(t, ranked, profitable, notNegative)), notes);
    }

    private static double y(Ranked ranked, int count, boolean inShares) {
        return inShares ? ranked.share(count) : Amounts.money(ranked.sum(count)).doubleValue();
    }

    /** Profitable customers, those that break even and the loss-makers: how many and what they earn. */
    private static ViewTable segments(Texts t, Ranked ranked, int profitable, int notNegative) {
        int customers = ranked.size();
        int[][] bounds = { { 0, profitable }, { profitable, notNegative }, { notNegative, customers } };
        String[] names = { t.of("Profitable", "盈利"), t.of("Break even", "持平"), t.of("Loss-makers", "亏损") };
        List<List<Object>> rows = new ArrayList<>(3);
        for (int segment = 0; segment < 3; segment++) {
            int from = bounds[segment][0];
            int to = bounds[segment][1];
            long profit = ranked.sum(to) - ranked.sum(from);
            rows.add(Texts.row(names[segment], (long) (to - from), Amounts.share(to - from, customers),
                    Amounts.money(profit), Amounts.share(profit, ranked.total())));
        }
        return new ViewTable("segments", t.of("Customers by profitability", "按盈利情况划分的客户"), List.of(
                t.column("segment", "Customers", "客户", ValueType.TEXT),
                t.column("customers", "Number", "数量", ValueType.COUNT),
                t.column("customer_share", "Share of customers", "客户占比", ValueType.SHARE),
                t.column("net_profit", "Net profit", "净利润", ValueType.MONEY),
                t.column("net_profit_share", "Share of net profit", "净利润占比", ValueType.SHARE)), rows);
    }
}
