package org.moneytree.desktop.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moneytree.api.report.ViewChart;

/**
 * The generic view part on the standard views of the example archive (2024; see ReportViewsTest in the core tests
 * for the figures by hand), driven through its real widgets: the parameter form, the tables' headers and filter
 * boxes, the SWTChart series. Screenshots go to target/screenshots.
 */
class ReportViewPartTest {

    private Desktop desktop;

    @BeforeEach
    void bench() throws Exception {
        desktop = Desktop.bench();
    }

    @AfterEach
    void close() {
        desktop.closeShells();
    }

    /** The part for the view, rendered for 2024 when it takes a period. */
    private ReportViewPart show(String viewId, Locale locale) {
        ReportViewPart part = desktop.viewPart(viewId, locale);
        desktop.await(part.rendering());
        if (part.input("period") instanceof Combo period) {
            period.setText("2024");
            part.render();
            desktop.await(part.rendering());
        }
        assertEquals("", part.message(), viewId + " shows no message");
        assertNotNull(part.content(), viewId + " is drawn");
        return part;
    }

    private static List<String> column(Table table, int column) {
        List<String> cells = new ArrayList<>();
        for (int row = 0; row < table.getItemCount(); row++) {
            cells.add(table.getItem(row).getText(column));
        }
        return cells;
    }

    private static int columnIndex(Table table, String id) {
        for (int index = 0; index < table.getColumnCount(); index++) {
            if (id.equals(table.getColumn(index).getData("moneytree.column"))) {
                return index;
            }
        }
        throw new AssertionError("no column " + id);
    }

    private void clickHeader(Table table, String id) {
        TableColumn header = table.getColumn(columnIndex(table, id));
        header.notifyListeners(SWT.Selection, new Event());
        desktop.flush();
    }

    @Test
    void thePyramidShowsItsTiersTableSortableAndItsChartCentred() throws Exception {
        ReportViewPart part = show("pyramid", Locale.ENGLISH);
        ViewModelControl content = part.content();
        assertTrue(content.model().title().contains("2024"), content.model().title());

        Table tiers = content.table("tiers").viewer().getTable();
        assertEquals(List.of("platinum", "gold", "iron", "lead", "Total"), column(tiers, columnIndex(tiers, "tier")));
        int customers = columnIndex(tiers, "customers");
        assertEquals("8", column(tiers, customers).get(4));

        clickHeader(tiers, "customers");
        List<Integer> ascending = column(tiers, customers).stream().map(Integer::valueOf).toList();
        assertEquals(ascending.stream().sorted().toList(), ascending, "sorted by customers, fewest first");
        assertEquals(SWT.UP, tiers.getSortDirection());
        clickHeader(tiers, "customers");
        assertEquals("8", column(tiers, customers).get(0), "the other way round: the total first");
        assertEquals(SWT.DOWN, tiers.getSortDirection());

        ViewChartControl pyramid = content.chart("pyramid");
        ViewChart model = pyramid.model();
        ISeries<?> drawn = pyramid.series("customers");
        assertNotNull(drawn, "the customers series is drawn");
        double[] expected = model.series().get(0).points().stream().mapToDouble(ViewChart.Point::y).toArray();
        double[] bottomUp = drawn.getYSeries();
        double[] topDown = new double[bottomUp.length];
        for (int index = 0; index < bottomUp.length; index++) {
            topDown[index] = bottomUp[bottomUp.length - 1 - index];
        }
        assertArrayEquals(expected, topDown, 1e-9, "one bar per tier, platinum on top");
        assertEquals(8.0, java.util.Arrays.stream(topDown).sum(), 1e-9);
        assertNotNull(pyramid.series(ViewChartControl.SPACER), "the bars are centred by a spacer");
        assertEquals("platinum", pyramid.chart().getAxisSet().getXAxis(0).getCategorySeries()[3]);
        assertEquals(2, content.chart("tiers").chart().getSeriesSet().getSeries().length, "revenue and net profit");

        Label revenue = content.figures().stream().filter(label -> "revenue".equals(label.getData("moneytree.figure")))
                .findFirst().orElseThrow();
        assertEquals("33,012.00", revenue.getText());
        assertTrue(Files.size(desktop.screenshot(part.content().body().getShell(), "pyramid-en")) > 1000);
    }

    @Test
    void theErodersTableSortsByItsColumnsAndFilters() throws Exception {
        ReportViewPart part = show("eroders", Locale.ENGLISH);
        ViewTableControl eroders = part.content().table("eroders");
        Table table = eroders.viewer().getTable();
        int customer = columnIndex(table, "customer");
        assertEquals(List.of("A204", "G100", "A201"), column(table, customer), "the worst first, as the view sends them");

        clickHeader(table, "net_profit");
        assertEquals(List.of("A204", "G100", "A201"), column(table, customer));
        clickHeader(table, "net_profit");
        assertEquals(List.of("A201", "G100", "A204"), column(table, customer));
        clickHeader(table, "customer");
        assertEquals(List.of("A201", "A204", "G100"), column(table, customer));
        assertEquals("-775.80", table.getItem(1).getText(columnIndex(table, "net_profit")));

        eroders.filter().setText("a20");
        desktop.flush();
        assertEquals(List.of("A201", "A204"), column(table, customer), "rows containing the text, ignoring case");
        assertEquals("2 of 3 rows", eroders.count().getText());
        eroders.filter().setText("-300");
        desktop.flush();
        assertEquals(List.of("G100"), column(table, customer), "the filter reads the cells as shown");
        eroders.filter().setText("");
        desktop.flush();
        assertEquals(3, table.getItemCount());

        ViewChartControl chart = part.content().chart("eroders");
        assertEquals(3, chart.chart().getAxisSet().getXAxis(0).getCategorySeries().length, "one bar per eroder");
        desktop.screenshot(part.content().body().getShell(), "eroders-en");
    }

    @Test
    void theWhaleCurveIsALineWithItsPeakMarked() throws Exception {
        ReportViewPart part = show("whale", Locale.ENGLISH);
        ViewChartControl whale = part.content().chart("whale");
        ViewChart.Series series = whale.model().series().get(0);
        ISeries<?> line = whale.series(series.id());
        assertEquals(series.points().size(), line.getYSeries().length);
        double percent = whale.model().y().type() == org.moneytree.api.report.ValueType.SHARE ? 100 : 1;
        assertEquals(series.points().get(series.points().size() - 1).y() * percent,
                line.getYSeries()[line.getYSeries().length - 1], 1e-9, "shares are drawn as percentages");
        ISeries<?> peak = whale.series("mark:peak");
        assertNotNull(peak, "the peak is marked");
        assertEquals(1, peak.getYSeries().length);
        desktop.screenshot(part.content().body().getShell(), "whale-en");
    }

    @Test
    void everyStandardViewIsDrawnWithItsTablesAndCharts() throws Exception {
        for (String view : List.of("pareto", "migration")) {
            ReportViewPart part = show(view, Locale.ENGLISH);
            assertEquals(part.content().model().tables().size(), part.content().tables().size(), view);
            assertEquals(part.content().model().charts().size(), part.content().charts().size(), view);
            for (ViewTableControl table : part.content().tables()) {
                assertEquals(table.table().rows().size(), table.viewer().getTable().getItemCount(), view + " " + table.table().id());
            }
            for (ViewChartControl chart : part.content().charts()) {
                assertTrue(chart.chart().getSeriesSet().getSeries().length >= chart.model().series().size(), view);
            }
            desktop.screenshot(part.content().body().getShell(), view + "-en");
        }
    }

    @Test
    void chineseShowsTierNamesAndChineseTexts() throws Exception {
        ReportViewPart part = show("pyramid", Locale.SIMPLIFIED_CHINESE);
        Table tiers = part.content().table("tiers").viewer().getTable();
        assertEquals(List.of("铂金", "黄金", "铁质", "铅质", "合计"), column(tiers, columnIndex(tiers, "tier")));
        assertTrue(part.content().model().title().startsWith("客户金字塔"), part.content().model().title());
        assertEquals("铂金", part.content().chart("pyramid").chart().getAxisSet().getXAxis(0).getCategorySeries()[3]);
        desktop.screenshot(part.content().body().getShell(), "pyramid-zh");
    }

    @Test
    void problemsAreShownAsMessagesNotThrown() throws Exception {
        ReportViewPart exploding = desktop.viewPart("exploding", Locale.ENGLISH);
        desktop.await(exploding.rendering());
        assertNull(exploding.content());
        assertTrue(exploding.message().contains("exploding") && exploding.message().contains("boom"), exploding.message());

        ReportViewPart account = desktop.viewPart("account", Locale.ENGLISH);
        desktop.await(account.rendering());
        assertEquals("Customer is required.", account.message());

        ((org.eclipse.swt.widgets.Text) account.input("customer")).setText("NOBODY");
        account.render();
        desktop.await(account.rendering());
        assertTrue(account.message().contains("NOBODY"), "the view's own message: " + account.message());

        ReportViewPart gone = desktop.viewPart("no-such-view", Locale.SIMPLIFIED_CHINESE);
        desktop.await(gone.rendering());
        assertTrue(gone.message().contains("no-such-view") && gone.message().contains("未安装"), gone.message());

        ReportViewPart eroders = desktop.viewPart("eroders", Locale.ENGLISH);
        desktop.await(eroders.rendering());
        ((org.eclipse.swt.widgets.Text) eroders.input("limit")).setText("lots");
        eroders.render();
        desktop.await(eroders.rendering());
        assertEquals("Customers listed: 'lots' is not a whole number.", eroders.message());
    }
}
