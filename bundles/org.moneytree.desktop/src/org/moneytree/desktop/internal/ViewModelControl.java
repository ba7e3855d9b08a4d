package org.moneytree.desktop.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewTable;

/**
 * A {@link ViewModel} drawn natively, whatever view made it: the title, the summary, the key figures (label and
 * value, four to a row), the charts ({@link ViewChartControl}), the tables ({@link ViewTableControl}) and the
 * notes, top to bottom. Nothing in it knows a particular view.
 */
public final class ViewModelControl {

    private final ViewModel model;
    private final Composite body;
    private final List<Label> figures = new ArrayList<>();
    private final List<ViewChartControl> charts = new ArrayList<>();
    private final List<ViewTableControl> tables = new ArrayList<>();

    ViewModelControl(Composite parent, ViewModel model, Locale locale, Consumer<String> openCustomer) {
        this.model = model;
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);

        Label title = new Label(body, SWT.WRAP);
        title.setText(model.title());
        title.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        if (!model.summary().isBlank()) {
            Label summary = new Label(body, SWT.WRAP);
            summary.setText(model.summary());
            GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(summary);
        }
        if (!model.figures().isEmpty()) {
            Composite grid = new Composite(body, SWT.NONE);
            GridLayoutFactory.fillDefaults().numColumns(8).spacing(12, 4).applyTo(grid);
            for (KeyFigure figure : model.figures()) {
                Label label = new Label(grid, SWT.NONE);
                label.setText(figure.label());
                Label value = new Label(grid, SWT.NONE);
                value.setText(Formats.format(figure.type(), figure.value(), locale));
                value.setFont(JFaceResources.getBannerFont());
                value.setData("moneytree.figure", figure.id());
                figures.add(value);
            }
        }
        for (ViewChart chart : model.charts()) {
            charts.add(new ViewChartControl(body, chart, locale));
        }
        for (ViewTable table : model.tables()) {
            tables.add(new ViewTableControl(body, table, locale, openCustomer));
        }
        for (String note : model.notes()) {
            Label label = new Label(body, SWT.WRAP);
            label.setText(note);
            GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(label);
        }
    }

    /** The model drawn. */
    public ViewModel model() {
        return model;
    }

    /** The composite that holds it all. */
    public Composite body() {
        return body;
    }

    /** The key figures' value labels, in the model's order (each with its id as data "moneytree.figure"). */
    public List<Label> figures() {
        return List.copyOf(figures);
    }

    /** The charts, in the model's order. */
    public List<ViewChartControl> charts() {
        return List.copyOf(charts);
    }

    /** The tables, in the model's order. */
    public List<ViewTableControl> tables() {
        return List.copyOf(tables);
    }

    /** The table with the given id. */
    public ViewTableControl table(String id) {
        return tables.stream().filter(each -> each.table().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + id + " in view " + model.viewId()));
    }

    /** The chart with the given id. */
    public ViewChartControl chart(String id) {
        return charts.stream().filter(each -> each.model().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chart " + id + " in view " + model.viewId()));
    }
}
