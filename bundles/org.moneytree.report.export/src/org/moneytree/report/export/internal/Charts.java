package org.moneytree.report.export.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryPointerAnnotation;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.tier.Tier;

/**
 * Draws a {@link ViewChart} with JFreeChart: as inline SVG (JFreeSVG) for HTML reports and as an image for PDF
 * reports. Every data mark (a point of a line, a bar) is drawn inside an SVG group of class {@code mt-point} or
 * {@code mt-bar} with the series' id in {@code data-series}, and every mark of the model inside a group of
 * class {@code mt-mark}, so that the marks can be found, styled and counted in the page; the point's label, if
 * any, is the group's tooltip.
 */
final class Charts {

    /** Width and height the charts are laid out for, in CSS pixels (HTML) or points (PDF). */
    static final int WIDTH = 720;
    static final int HEIGHT = 400;

    /** Points drawn as marks only up to this many in a series: beyond it a curve reads better as a line. */
    static final int MAX_MARKED_POINTS = 100;

    private static final Color[] PALETTE = { new Color(0x2b6cb0), new Color(0xdd6b20), new Color(0x38a169),
            new Color(0x805ad5), new Color(0xe53e3e), new Color(0x319795), new Color(0xb7791f), new Color(0x4a5568) };
    private static final Map<Tier, Color> TIER_COLOURS = Map.of(Tier.PLATINUM, new Color(0x5a6f8c), Tier.GOLD,
            new Color(0xd69e2e), Tier.IRON, new Color(0x8d99ae), Tier.LEAD, new Color(0x4a4e57));
    private static final Color TEXT = new Color(0x1a202c);
    private static final Color GRID = new Color(0xe2e8f0);
    private static final Color MARK = new Color(0xc53030);

    private final Locale locale;
    private final Font font;

    /**
     * @param locale the language of numbers on the axes and of tier names
     * @param font the font the texts are drawn in (its family and its glyphs), for example a Chinese one
     */
    Charts(Locale locale, Font font) {
        this.locale = locale;
        this.font = font;
    }

    /** The chart as an SVG element that scales to its container; {@code index} keeps its ids unique in a page. */
    String svg(ViewChart model, int index) {
        JFreeChart chart = chart(model);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        // Clip paths and gradients get ids; two charts in one page must not share them.
        g2.setDefsKeyPrefix("mt-chart-" + index + "-");
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        String element = g2.getSVGElement("mt-chart-" + index, false, new ViewBox(0, 0, WIDTH, HEIGHT),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        // The first "<svg" is the element itself: give it a role and a name for screen readers.
        return element.replaceFirst("<svg ", java.util.regex.Matcher.quoteReplacement("<svg role=\"img\" aria-label=\""
                + Html.escape(model.title()) + "\" class=\"mt-chart\" "));
    }

    /** The chart drawn into an image {@code scale} times the layout size, for sharp printing. */
    BufferedImage image(ViewChart model, int width, int height, double scale) {
        JFreeChart chart = chart(model);
        BufferedImage image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** The JFreeChart chart of a model. */
    JFreeChart chart(ViewChart model) {
        JFreeChart chart = switch (model.kind()) {
            case LINE -> line(model);
            case BAR -> bars(model, false);
            case STACKED_BAR -> bars(model, true);
            case PYRAMID -> pyramid(model);
        };
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setTitle(new TextTitle(model.title(), font(Font.BOLD, 16)));
        chart.getTitle().setPaint(TEXT);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(font(Font.PLAIN, 12));
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    // Derived rather than looked up by family: a font loaded from a file (cjkFont) is not installed.
    private Font font(int style, int size) {
        return font.deriveFont(style, (float) size);
    }

    // ----------------------------------------------------------------------------------------------------
    // Lines along a numeric axis.

    private JFreeChart line(ViewChart model) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        List<ViewChart.Series> drawn = new ArrayList<>();
        for (ViewChart.Series series : model.series()) {
            // Keys must be unique in a collection; the legend shows the key's text, the label.
            XYSeries points = new XYSeries(new SeriesKey(series.id() + "#" + drawn.size(), series.label()), false, true);
            int index = 0;
            for (ViewChart.Point point : series.points()) {
                points.add(number(point.x(), index++), point.y());
            }
            dataset.addSeries(points);
            drawn.add(series);
        }
        NumberAxis x = axis(model.x());
        NumberAxis y = axis(model.y());
        x.setAutoRangeIncludesZero(false);
        MarkedLineRenderer renderer = new MarkedLineRenderer(drawn);
        for (int s = 0; s < drawn.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesShapesVisible(s, drawn.get(s).points().size() <= MAX_MARKED_POINTS);
        }
        renderer.setDrawSeriesLineAsPath(true);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        y.setUpperMargin(0.08);
        double[] xs = model.series().stream().flatMap(series -> series.points().stream())
                .mapToDouble(point -> number(point.x(), 0)).toArray();
        double[] ys = model.series().stream().flatMap(series -> series.points().stream())
                .mapToDouble(ViewChart.Point::y).toArray();
        for (ViewChart.Mark mark : model.marks()) {
            if (mark.x() instanceof Number number) {
                // The label goes to the side of the point with more room: below a high point, left of a
                // point on the right.
                boolean right = number.doubleValue() > middle(xs);
                boolean high = mark.y() > middle(ys);
                double angle = high ? (right ? Math.PI * 3 / 4 : Math.PI / 4) : (right ? -Math.PI * 3 / 4 : -Math.PI / 4);
                XYPointerAnnotation pointer = new GroupedXYPointer(mark, number.doubleValue(), angle);
                pointer.setFont(font(Font.PLAIN, 12));
                pointer.setPaint(MARK);
                pointer.setArrowPaint(MARK);
                // Over a curve the label needs a ground of its own to be read.
                pointer.setBackgroundPaint(new Color(255, 255, 255, 225));
                pointer.setTextAnchor(high ? (right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT)
                        : (right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT));
                plot.addAnnotation(pointer);
            }
        }
        return new JFreeChart(model.title(), font(Font.BOLD, 16), plot, model.series().size() > 1);
    }

    private static double middle(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        return (low + high) / 2;
    }

    private static double number(Object x, int index) {
        return x instanceof Number number ? number.doubleValue() : index;
    }

    /** A line renderer that groups each drawn point for the SVG, with its label as tooltip. */
    private static final class MarkedLineRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<ViewChart.Series> series;

        MarkedLineRenderer(List<ViewChart.Series> series) {
            super(true, true);
            this.series = series;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int s, int item,
                CrosshairState crosshairState, int pass) {
            boolean mark = isItemPass(pass) && getItemShapeVisible(s, item);
            if (mark) {
                ViewChart.Point point = series.get(s).points().get(item);
                begin(g2, "mt-point", series.get(s).id(), point.label());
            }
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, s, item, crosshairState,
                    pass);
            if (mark) {
                end(g2);
            }
        }
    }

    private static final class GroupedXYPointer extends XYPointerAnnotation {
        private static final long serialVersionUID = 1L;
        private final String id;

        GroupedXYPointer(ViewChart.Mark mark, double x, double angle) {
            super(mark.label(), x, mark.y(), angle);
            this.id = mark.id();
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                int rendererIndex, PlotRenderingInfo info) {
            begin(g2, "mt-mark", id, null);
            super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
            end(g2);
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // Bars by category.

    private JFreeChart bars(ViewChart model, boolean stacked) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<ViewChart.Series> drawn = new ArrayList<>();
        for (String category : categories(model)) {
            for (ViewChart.Series series : model.series()) {
                // Columns come in the order first added: every category is added before its values.
                dataset.addValue(null, key(series, model.series()), category);
            }
        }
        for (ViewChart.Series series : model.series()) {
            for (ViewChart.Point point : series.points()) {
                dataset.setValue(point.y(), key(series, model.series()), category(point.x()));
            }
            drawn.add(series);
        }
        CategoryAxis x = new CategoryAxis(label(model.x()));
        categoryAxis(x);
        NumberAxis y = axis(model.y());
        y.setUpperMargin(0.1);
        BarRenderer renderer = stacked ? new GroupedStackedBarRenderer(drawn, 0) : new GroupedBarRenderer(drawn);
        barStyle(renderer, drawn);
        CategoryPlot plot = new CategoryPlot(dataset, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        categoryPlotStyle(plot);
        addCategoryMarks(plot, model, null);
        return new JFreeChart(model.title(), font(Font.BOLD, 16), plot, model.series().size() > 1);
    }

    private JFreeChart pyramid(ViewChart model) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<String> categories = categories(model);
        Map<String, Double> totals = new LinkedHashMap<>();
        for (ViewChart.Series series : model.series()) {
            for (ViewChart.Point point : series.points()) {
                totals.merge(category(point.x()), Math.max(0, point.y()), Double::sum);
            }
        }
        double widest = totals.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        // A transparent first series pushes each bar to the centre: the pyramid's shape.
        SeriesKey spacer = new SeriesKey("mt-spacer", "");
        for (String category : categories) {
            dataset.addValue((widest - totals.getOrDefault(category, 0.0)) / 2, spacer, category);
        }
        List<ViewChart.Series> drawn = new ArrayList<>();
        drawn.add(null);
        for (ViewChart.Series series : model.series()) {
            for (ViewChart.Point point : series.points()) {
                dataset.setValue(Math.max(0, point.y()), key(series, model.series()), category(point.x()));
            }
            drawn.add(series);
        }
        CategoryAxis x = new CategoryAxis(label(model.x()));
        categoryAxis(x);
        NumberAxis y = axis(model.y());
        // The bars are centred, so positions along the value axis mean nothing: the values are written on them.
        y.setVisible(false);
        GroupedStackedBarRenderer renderer = new GroupedStackedBarRenderer(drawn, 1);
        barStyle(renderer, drawn);
        renderer.setSeriesPaint(0, new Color(0, 0, 0, 0));
        renderer.setSeriesVisibleInLegend(0, false);
        renderer.setSeriesItemLabelsVisible(0, false);
        renderer.setItemMargin(0);
        for (int s = 1; s < drawn.size(); s++) {
            renderer.setSeriesItemLabelGenerator(s, new StandardCategoryItemLabelGenerator("{2}", tickFormat(model.y().type())));
            renderer.setSeriesItemLabelsVisible(s, true);
        }
        renderer.setDefaultItemLabelFont(font(Font.BOLD, 12));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        renderer.setTierColours(model.series().size() == 1);
        CategoryPlot plot = new CategoryPlot(dataset, x, y, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        categoryPlotStyle(plot);
        plot.setRangeGridlinesVisible(false);
        addCategoryMarks(plot, model, totals);
        return new JFreeChart(model.title(), font(Font.BOLD, 16), plot, model.series().size() > 1);
    }

    /** The categories in the order of the first series' points, then any only later series have. */
    private static List<String> categories(ViewChart model) {
        Set<String> categories = new LinkedHashSet<>();
        for (ViewChart.Series series : model.series()) {
            for (ViewChart.Point point : series.points()) {
                categories.add(category(point.x()));
            }
        }
        return new ArrayList<>(categories);
    }

    private static String category(Object x) {
        return x.toString();
    }

    private static SeriesKey key(ViewChart.Series series, List<ViewChart.Series> all) {
        return new SeriesKey(series.id() + "#" + all.indexOf(series), series.label());
    }

    /** Bars without shadows or gradients; a series named after a tier (migration's) takes the tier's colour. */
    private void barStyle(BarRenderer renderer, List<ViewChart.Series> series) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);
        for (int s = 0; s < series.size(); s++) {
            ViewChart.Series each = series.get(s);
            Color tier = each == null ? null : tierColour(each.id());
            renderer.setSeriesPaint(s, tier != null && series.size() > 1 ? tier : PALETTE[s % PALETTE.length]);
        }
    }

    private void categoryAxis(CategoryAxis axis) {
        axis.setLabelFont(font(Font.PLAIN, 12));
        axis.setTickLabelFont(font(Font.PLAIN, 11));
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        axis.setMaximumCategoryLabelLines(2);
    }

    private void categoryPlotStyle(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(8, 8, 8, 16));
    }

    private void addCategoryMarks(CategoryPlot plot, ViewChart model, Map<String, Double> centredTotals) {
        for (ViewChart.Mark mark : model.marks()) {
            String category = category(mark.x());
            double value = mark.y();
            if (centredTotals != null) {
                double widest = centredTotals.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                value = (widest - centredTotals.getOrDefault(category, 0.0)) / 2 + centredTotals.getOrDefault(category, 0.0);
            }
            CategoryPointerAnnotation pointer = new GroupedCategoryPointer(mark, category, value);
            pointer.setFont(font(Font.PLAIN, 12));
            pointer.setPaint(MARK);
            pointer.setArrowPaint(MARK);
            pointer.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(pointer);
        }
    }

    /** Bars side by side, each drawn bar grouped for the SVG. */
    private static final class GroupedBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<ViewChart.Series> series;

        GroupedBarRenderer(List<ViewChart.Series> series) {
            this.series = series;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
            boolean mark = dataset.getValue(row, column) != null;
            if (mark) {
                begin(g2, "mt-bar", series.get(row).id(), label(series.get(row), dataset.getColumnKey(column)));
            }
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (mark) {
                end(g2);
            }
        }
    }

    /**
     * Stacked bars (and the pyramid, whose first {@code hidden} series are spacers), each drawn bar grouped for
     * the SVG; with tier colours, a single series' bars take the colour of the tier they stand for.
     */
    private static final class GroupedStackedBarRenderer extends StackedBarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<ViewChart.Series> series;
        private final int hidden;
        private boolean tierColours;

        GroupedStackedBarRenderer(List<ViewChart.Series> series, int hidden) {
            this.series = series;
            this.hidden = hidden;
        }

        void setTierColours(boolean tierColours) {
            this.tierColours = tierColours;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            if (tierColours && row >= hidden) {
                CategoryDataset dataset = getPlot() == null ? null : getPlot().getDataset();
                Color colour = dataset == null ? null : tierColour(dataset.getColumnKey(column).toString());
                if (colour != null) {
                    return colour;
                }
            }
            return super.getItemPaint(row, column);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
            // Pass 1 draws the bars (0 their shadows, 2 their labels).
            boolean mark = pass == 1 && row >= hidden && dataset.getValue(row, column) != null;
            if (mark) {
                begin(g2, "mt-bar", series.get(row).id(), label(series.get(row), dataset.getColumnKey(column)));
            }
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (mark) {
                end(g2);
            }
        }
    }

    private static final class GroupedCategoryPointer extends CategoryPointerAnnotation {
        private static final long serialVersionUID = 1L;
        private final String id;

        GroupedCategoryPointer(ViewChart.Mark mark, String category, double value) {
            super(mark.label(), category, value, -Math.PI / 4);
            this.id = mark.id();
        }

        @Override
        public void draw(Graphics2D g2, CategoryPlot plot, Rectangle2D dataArea, CategoryAxis domainAxis,
                ValueAxis rangeAxis) {
            begin(g2, "mt-mark", id, null);
            super.draw(g2, plot, dataArea, domainAxis, rangeAxis);
            end(g2);
        }
    }

    private static Color tierColour(String category) {
        try {
            return TIER_COLOURS.get(Tier.forId(category));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A bar's tooltip: the label of the point it draws, if the model gave one. */
    private static String label(ViewChart.Series series, Comparable<?> category) {
        for (ViewChart.Point point : series.points()) {
            if (category.equals(category(point.x()))) {
                return point.label();
            }
        }
        return null;
    }

    // ----------------------------------------------------------------------------------------------------
    // Axes.

    private NumberAxis axis(ViewChart.Axis model) {
        NumberAxis axis = new NumberAxis(label(model));
        axis.setLabelFont(font(Font.PLAIN, 12));
        axis.setTickLabelFont(font(Font.PLAIN, 11));
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        axis.setNumberFormatOverride(tickFormat(model.type()));
        if (model.type() == ValueType.COUNT) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        }
        return axis;
    }

    /** The axis title with its unit: percentages for shares, 0 to 100 for scores. */
    private String label(ViewChart.Axis axis) {
        return switch (axis.type()) {
            case SHARE -> axis.label() + " (%)";
            case SCORE -> axis.label() + " (0–100)";
            default -> axis.label();
        };
    }

    private NumberFormat tickFormat(ValueType type) {
        NumberFormat format = switch (type) {
            case SHARE -> NumberFormat.getPercentInstance(locale);
            case COUNT -> NumberFormat.getIntegerInstance(locale);
            default -> NumberFormat.getNumberInstance(locale);
        };
        format.setGroupingUsed(true);
        if (format instanceof DecimalFormat && type != ValueType.COUNT) {
            format.setMaximumFractionDigits(type == ValueType.SHARE ? 1 : 2);
        }
        return format;
    }

    // ----------------------------------------------------------------------------------------------------
    // SVG groups.

    private static void begin(Graphics2D g2, String kind, String series, String title) {
        if (g2 instanceof SVGGraphics2D) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", kind);
            attributes.put("data-series", series);
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, attributes);
            if (title != null && !title.isBlank()) {
                g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, title);
            }
        }
    }

    private static void end(Graphics2D g2) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "end");
        }
    }

    /** A series' key: unique by id and position, shown in the legend by its label. */
    private record SeriesKey(String id, String label) implements Comparable<SeriesKey> {
        @Override
        public int compareTo(SeriesKey other) {
            return id.compareTo(other.id);
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
