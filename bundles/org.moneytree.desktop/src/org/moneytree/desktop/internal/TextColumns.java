package org.moneytree.desktop.internal;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;

/** A text column of a JFace table whose rows are records: the account list's, the plugins' and the problems'. */
final class TextColumns {

    private TextColumns() {
    }

    /** Adds a left-aligned column with its heading and width, showing what {@code text} makes of each row. */
    static <T> void add(TableViewer viewer, String heading, int width, Class<T> rows, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(heading);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(rows.cast(element));
            }
        });
    }
}
