package org.moneytree.testviews;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;
import org.moneytree.api.report.ViewTable;
import org.osgi.service.component.annotations.Component;

/**
 * A view that needs no analysed data: it echoes its request (dataset, period, tier, count) in a figure, a
 * line chart of {@code count} points (the first standing for customer C1) and a table, so that tests see what
 * the console passed. Dataset {@code missing} is refused with a {@link ViewException}.
 */
@Component(service = ReportView.class)
public final class EchoView implements ReportView {

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public String title(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "回显" : "Echo";
    }

    @Override
    public String group(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "测试" : "Tests";
    }

    @Override
    public List<ViewParameter> parameters() {
        return List.of(new ViewParameter("period", ViewParameter.Kind.PERIOD, true, "Period", "期间"),
                new ViewParameter("tier", ViewParameter.Kind.TIER, false, "Tier", "等级"),
                new ViewParameter("count", ViewParameter.Kind.INTEGER, false, "Points", "点数"));
    }

    @Override
    public ViewModel render(ViewRequest request) throws ViewException {
        if (request.dataset().equals("missing")) {
            throw new ViewException("dataset missing has not been analysed; run moneytree analyze first");
        }
        int count = request.parameter("count").map(Integer::parseInt).orElse(3);
        List<ViewChart.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new ViewChart.Point((double) i, i * 10.0, "point " + i, i == 0 ? "C1" : null));
        }
        ViewChart chart = new ViewChart("line", "Echo line", ViewChart.Kind.LINE,
                new ViewChart.Axis("Customers", ValueType.SHARE), new ViewChart.Axis("Profit", ValueType.MONEY),
                List.of(new ViewChart.Series("values", "Values", points)),
                List.of(new ViewChart.Mark("peak", "Peak", (double) Math.max(0, count - 1), (count - 1) * 10.0)));
        ViewChart pyramid = new ViewChart("pyramid", "Echo pyramid", ViewChart.Kind.PYRAMID,
                new ViewChart.Axis("Tier", ValueType.TIER), new ViewChart.Axis("Customers", ValueType.COUNT),
                List.of(new ViewChart.Series("customers", "Customers", List.of(new ViewChart.Point("platinum", 5),
                        new ViewChart.Point("gold", 15), new ViewChart.Point("iron", 50), new ViewChart.Point("lead", 30)))),
                List.of());
        ViewChart stacked = new ViewChart("stacked", "Echo stacked bars", ViewChart.Kind.STACKED_BAR,
                new ViewChart.Axis("Period", ValueType.PERIOD), new ViewChart.Axis("Net profit", ValueType.MONEY),
                List.of(new ViewChart.Series("gold", "Gold", List.of(new ViewChart.Point("2023", 10),
                        new ViewChart.Point("2024", 12))), new ViewChart.Series("lead", "Lead",
                                List.of(new ViewChart.Point("2023", 3), new ViewChart.Point("2024", -2)))),
                List.of());
        ViewTable table = new ViewTable("customers", "Customers",
                List.of(new ViewTable.Column("customer", "Customer", ValueType.CUSTOMER),
                        new ViewTable.Column("net_profit", "Net profit", ValueType.MONEY),
                        new ViewTable.Column("tier", "Tier", ValueType.TIER)),
                List.of(List.of("C1", new BigDecimal("12.50"), "gold"), List.of("C2", new BigDecimal("-3.25"), "lead")));
        String summary = "dataset=" + request.dataset() + " period=" + request.parameter("period").orElse("")
                + " tier=" + request.parameter("tier").orElse("") + " lang=" + request.locale().getLanguage();
        return new ViewModel(id(), title(request.locale()) + " — " + request.dataset(), summary,
                List.of(new KeyFigure("count", "Points", ValueType.COUNT, (long) count),
                        new KeyFigure("profit", "Net profit", ValueType.MONEY, new BigDecimal("9.25"))),
                List.of(chart, pyramid, stacked), List.of(table), List.of("A view for the console's tests."));
    }
}
