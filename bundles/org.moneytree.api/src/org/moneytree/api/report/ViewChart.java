package org.moneytree.api.report;

import java.util.List;
import java.util.Objects;

/**
 * A chart of a view, independent of any charting library: a kind, two axes with their units, one or more
 * series of points, and marks that point something out (the whale curve's peak). A point may name a customer:
 * front ends then link it to the customer's account profile.
 *
 * @param id a stable name, for example {@code whale}
 * @param title the chart's title in the request's language
 * @param kind how to draw it
 * @param x the horizontal axis (for bar charts, the categories' axis)
 * @param y the vertical axis
 * @param series the series, drawn in this order
 * @param marks points to mark, drawn over the series
 */
public record ViewChart(String id, String title, Kind kind, Axis x, Axis y, List<Series> series, List<Mark> marks) {

    /** How a chart is drawn. */
    public enum Kind {
        /** Points joined by lines, along a numeric horizontal axis (curves). */
        LINE,
        /** One bar per category; several series side by side. */
        BAR,
        /** One bar per category; several series stacked. */
        STACKED_BAR,
        /** Horizontal bars, one per category, centred: the customer pyramid. */
        PYRAMID
    }

    /**
     * An axis.
     *
     * @param label its title in the request's language
     * @param type the type of its values: {@link ValueType#SHARE} for percentages, {@link ValueType#MONEY},
     *        {@link ValueType#COUNT}, {@link ValueType#TEXT} for categories...
     */
    public record Axis(String label, ValueType type) {
        public Axis {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A series.
     *
     * @param id a stable name, for example {@code profit}
     * @param label its name in the legend, in the request's language
     * @param points its points, in drawing order
     */
    public record Series(String id, String label, List<Point> points) {
        public Series {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            points = List.copyOf(points);
        }
    }

    /**
     * A point: for line charts {@code x} is a number; for bar charts it is the category, a {@link String}
     * (shown as it is) whose order is the order of the first series' points.
     *
     * @param x the horizontal value: a {@link Double}, a {@link Long} or a {@link String} category
     * @param y the vertical value
     * @param label what the point is, shown on hovering, or {@code null}
     * @param customerId the customer the point stands for, linked to its account profile, or {@code null}
     */
    public record Point(Object x, double y, String label, String customerId) {
        public Point {
            Objects.requireNonNull(x, "x");
            if (!(x instanceof Double || x instanceof Long || x instanceof String)) {
                throw new IllegalArgumentException("a point's x is a Double, a Long or a String, not " + x.getClass());
            }
        }

        /** A point that stands for no customer. */
        public Point(Object x, double y) {
            this(x, y, null, null);
        }
    }

    /**
     * A marked point, such as the whale curve's peak.
     *
     * @param id a stable name, for example {@code peak}
     * @param label what it marks, in the request's language, for example "Peak: 142% of profit"
     * @param x where, on the horizontal axis
     * @param y where, on the vertical axis
     */
    public record Mark(String id, String label, Object x, double y) {
        public Mark {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(x, "x");
        }
    }

    public ViewChart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        series = List.copyOf(series);
        marks = List.copyOf(marks);
    }

    /** The number of points of all series together. */
    public int pointCount() {
        return series.stream().mapToInt(each -> each.points().size()).sum();
    }
}
