package org.moneytree.desktop.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewChart;

/**
 * One {@link ViewChart} drawn with Eclipse SWTChart: {@code LINE} as an x/y line chart (marks as single points
 * with a symbol), {@code BAR} as bars side by side per category, {@code STACKED_BAR} stacked, and {@code PYRAMID}
 * as horizontal bars centred on the middle (an invisible spacer series stacked before each bar), the first
 * category on top. Shares are drawn as percentages. SWTChart cannot stack negative values, so a stacked chart or
 * pyramid with any is drawn with its bars side by side. Series keep the model's ids; marks are series
 * {@code mark:<id>}.
 */
public final class ViewChartControl {

    /** The series colours, in order: system colours, which need no disposing. */
    private static final int[] COLOURS = {SWT.COLOR_DARK_BLUE, SWT.COLOR_DARK_GREEN, SWT.COLOR_DARK_RED,
        SWT.COLOR_DARK_MAGENTA, SWT.COLOR_DARK_CYAN, SWT.COLOR_DARK_YELLOW, SWT.COLOR_GRAY};

    /** The id of the spacer series that centres a pyramid's bars. */
    static final String SPACER = "moneytree:spacer";

    private final ViewChart model;
    private final Chart chart;
    private final java.util.Locale locale;

    ViewChartControl(Composite parent, ViewChart model, java.util.Locale locale) {
        this.model = model;
        this.locale = locale;
        chart = new Chart(parent, SWT.NONE);
        chart.setData("moneytree.chart", model.id());
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 320).applyTo(chart);
        chart.getTitle().setText(model.title());
        IAxis x = chart.getAxisSet().getXAxis(0);
        IAxis y = chart.getAxisSet().getYAxis(0);
        x.getTitle().setText(axisTitle(model.x()));
        y.getTitle().setText(axisTitle(model.y()));
        // SWTChart cannot stack negative values: such a chart is drawn with its bars side by side
        boolean negative = model.series().stream().flatMap(series -> series.points().stream())
                .anyMatch(point -> point.y() < 0);
        switch (model.kind()) {
            case LINE -> lines();
            case BAR -> bars(false);
            case STACKED_BAR -> bars(!negative);
            case PYRAMID -> {
                if (negative) {
                    bars(false);
                } else {
                    pyramid();
                }
            }
        }
        chart.getAxisSet().adjustRange();
    }

    private static String axisTitle(ViewChart.Axis axis) {
        return axis.type() == ValueType.SHARE ? axis.label() + " (%)" : axis.label();
    }

    private Color colour(int index) {
        return chart.getDisplay().getSystemColor(COLOURS[index % COLOURS.length]);
    }

    private double y(double value) {
        return model.y().type() == ValueType.SHARE ? value * 100 : value;
    }

    private double x(Object value, int index) {
        double x = value instanceof Number number ? number.doubleValue() : index;
        return model.x().type() == ValueType.SHARE ? x * 100 : x;
    }

    private void lines() {
        int index = 0;
        for (ViewChart.Series series : model.series()) {
            ILineSeries<?> line = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, series.id());
            line.setDescription(series.label());
            double[] xs = new double[series.points().size()];
            double[] ys = new double[xs.length];
            for (int at = 0; at < xs.length; at++) {
                ViewChart.Point point = series.points().get(at);
                xs[at] = x(point.x(), at);
                ys[at] = y(point.y());
            }
            line.setXSeries(xs);
            line.setYSeries(ys);
            line.setLineColor(colour(index));
            line.setSymbolType(xs.length > 60 ? ILineSeries.PlotSymbolType.NONE : ILineSeries.PlotSymbolType.CIRCLE);
            line.setSymbolColor(colour(index));
            index++;
        }
        for (ViewChart.Mark mark : model.marks()) {
            ILineSeries<?> point = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE,
                    "mark:" + mark.id());
            point.setDescription(mark.label());
            point.setXSeries(new double[] {x(mark.x(), 0)});
            point.setYSeries(new double[] {y(mark.y())});
            point.setLineStyle(LineStyle.NONE);
            point.setSymbolType(ILineSeries.PlotSymbolType.DIAMOND);
            point.setSymbolColor(chart.getDisplay().getSystemColor(SWT.COLOR_RED));
        }
    }

    /** The categories, in the order of the first series' points, then any the others add. */
    private List<String> categories() {
        Map<String, Boolean> categories = new LinkedHashMap<>();
        for (ViewChart.Series series : model.series()) {
            for (ViewChart.Point point : series.points()) {
                categories.putIfAbsent(point.x().toString(), Boolean.TRUE);
            }
        }
        return new ArrayList<>(categories.keySet());
    }

    /** The categories as the reader sees them (tiers by name in the reader's language). */
    private String[] labels(List<String> categories) {
        return categories.stream().map(category -> Formats.format(model.x().type(), category, locale))
                .toArray(String[]::new);
    }

    private static double[] values(ViewChart.Series series, List<String> categories) {
        double[] values = new double[categories.size()];
        for (ViewChart.Point point : series.points()) {
            int at = categories.indexOf(point.x().toString());
            values[at] += point.y();
        }
        return values;
    }

    private void bars(boolean stacked) {
        List<String> categories = categories();
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.setCategorySeries(labels(categories));
        x.enableCategory(true);
        int index = 0;
        for (ViewChart.Series series : model.series()) {
            IBarSeries<?> bar = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, series.id());
            bar.setDescription(series.label());
            double[] values = values(series, categories);
            for (int at = 0; at < values.length; at++) {
                values[at] = y(values[at]);
            }
            bar.setYSeries(values);
            bar.setBarColor(colour(index++));
            bar.enableStack(stacked);
        }
    }

    private void pyramid() {
        chart.setOrientation(SWT.VERTICAL);
        List<String> categories = categories();
        // SWTChart draws the first category at the bottom; the pyramid's first (platinum) belongs on top
        List<String> bottomUp = new ArrayList<>(categories);
        java.util.Collections.reverse(bottomUp);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.setCategorySeries(labels(bottomUp));
        x.enableCategory(true);
        double[] totals = new double[bottomUp.size()];
        List<double[]> all = new ArrayList<>();
        for (ViewChart.Series series : model.series()) {
            double[] values = values(series, bottomUp);
            for (int at = 0; at < values.length; at++) {
                values[at] = y(values[at]);
                totals[at] += values[at];
            }
            all.add(values);
        }
        double widest = 0;
        for (double total : totals) {
            widest = Math.max(widest, total);
        }
        double[] spacer = new double[totals.length];
        for (int at = 0; at < totals.length; at++) {
            spacer[at] = (widest - totals[at]) / 2;
        }
        IBarSeries<?> space = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, SPACER);
        space.setYSeries(spacer);
        space.setBarColor(chart.getBackground());
        space.setVisibleInLegend(false);
        space.enableStack(true);
        int index = 0;
        for (ViewChart.Series series : model.series()) {
            IBarSeries<?> bar = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, series.id());
            bar.setDescription(series.label());
            bar.setYSeries(all.get(index));
            bar.setBarColor(colour(index++));
            bar.enableStack(true);
        }
        chart.getAxisSet().getYAxis(0).getTick().setVisible(false);
    }

    /** The chart's model. */
    public ViewChart model() {
        return model;
    }

    /** The SWTChart widget. */
    public Chart chart() {
        return chart;
    }

    /** The drawn series with the given id (a model series, {@code mark:<id>}, or the pyramid's spacer). */
    public ISeries<?> series(String id) {
        return chart.getSeriesSet().getSeries(id);
    }
}
