package org.moneytree.desktop.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.moneytree.api.report.ViewTable;

/**
 * One {@link ViewTable} as a JFace table: a title, a filter box (rows that contain the text in any cell, as shown,
 * ignoring case), the rows, and how many are shown. Clicking a column's header sorts by it (again: the other way),
 * by the raw values of the column's type. A row that stands for a customer (a {@code CUSTOMER} column) can be
 * opened with a double click, which calls the given opener with the customer's id.
 */
public final class ViewTableControl {

    private final ViewTable table;
    private final Locale locale;
    private final TableViewer viewer;
    private final Text filter;
    private final Label count;
    private int sortColumn = -1;
    private boolean ascending = true;

    ViewTableControl(Composite parent, ViewTable table, Locale locale, java.util.function.Consumer<String> openCustomer) {
        this.table = table;
        this.locale = locale;
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(box);

        Label title = new Label(box, SWT.NONE);
        title.setText(table.title());
        title.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        filter = new Text(box, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Texts.get(locale, "filter"));
        GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(filter);
        count = new Label(box, SWT.NONE);
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(count);

        viewer = new TableViewer(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Table widget = viewer.getTable();
        widget.setHeaderVisible(true);
        widget.setLinesVisible(true);
        widget.setData("moneytree.table", table.id());
        int rows = Math.min(Math.max(table.rows().size(), 3), 12);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true)
                .hint(SWT.DEFAULT, widget.getItemHeight() * rows + widget.getHeaderHeight()).applyTo(widget);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        int customerColumn = -1;
        for (int index = 0; index < table.columns().size(); index++) {
            ViewTable.Column column = table.columns().get(index);
            int at = index;
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer,
                    Formats.numeric(column.type()) ? SWT.RIGHT : SWT.LEFT);
            TableColumn header = viewerColumn.getColumn();
            header.setText(column.label());
            header.setData("moneytree.column", column.id());
            header.setMoveable(true);
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return cell(element, at);
                }
            });
            header.addListener(SWT.Selection, event -> sortBy(at));
            if (column.type() == org.moneytree.api.report.ValueType.CUSTOMER && customerColumn < 0) {
                customerColumn = index;
            }
        }
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer ignored, Object parentElement, Object element) {
                String wanted = filter.getText().strip().toLowerCase(locale);
                if (wanted.isEmpty()) {
                    return true;
                }
                for (int index = 0; index < table.columns().size(); index++) {
                    if (cell(element, index).toLowerCase(locale).contains(wanted)) {
                        return true;
                    }
                }
                return false;
            }
        });
        filter.addListener(SWT.Modify, event -> {
            viewer.refresh();
            updateCount();
        });
        if (customerColumn >= 0 && openCustomer != null) {
            int column = customerColumn;
            viewer.addDoubleClickListener(event -> {
                Object row = viewer.getStructuredSelection().getFirstElement();
                if (row != null && ((List<?>) row).get(column) != null) {
                    openCustomer.accept(((List<?>) row).get(column).toString());
                }
            });
        }
        viewer.setInput(table.rows());
        for (TableColumn header : widget.getColumns()) {
            header.pack();
            header.setWidth(Math.max(header.getWidth(), 60));
        }
        updateCount();
    }

    private String cell(Object row, int column) {
        return Formats.format(table.columns().get(column).type(), ((List<?>) row).get(column), locale);
    }

    /** Sorts by a column, the other way round when it is already sorted by it. */
    private void sortBy(int column) {
        ascending = column == sortColumn ? !ascending : true;
        sortColumn = column;
        Comparator<Object> values = Formats.order(table.columns().get(column).type());
        Comparator<Object> rows = (a, b) -> values.compare(((List<?>) a).get(column), ((List<?>) b).get(column));
        Comparator<Object> order = ascending ? rows : rows.reversed();
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer ignored, Object a, Object b) {
                return order.compare(a, b);
            }
        });
        Table widget = viewer.getTable();
        widget.setSortColumn(widget.getColumn(column));
        widget.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
    }

    private void updateCount() {
        count.setText(Texts.get(locale, "rows.shown", viewer.getTable().getItemCount(), table.totalRows()));
        count.getParent().layout(new org.eclipse.swt.widgets.Control[] {count});
    }

    /** The table's model. */
    public ViewTable table() {
        return table;
    }

    /** The JFace viewer. */
    public TableViewer viewer() {
        return viewer;
    }

    /** The filter box. */
    public Text filter() {
        return filter;
    }

    /** The label that says how many rows are shown. */
    public Label count() {
        return count;
    }
}
