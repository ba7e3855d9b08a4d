package org.moneytree.desktop.internal;

import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.imports.InputProblem;

/**
 * The problems of an import, every one the importer kept ({@link ImportReport#PROBLEMS_KEPT} at most; beyond
 * that the report only counts them, and the dialog says how many more there were): file, line, field and what was
 * expected, in file order, with a button that copies them as the command line prints them. Above the list: whether
 * anything was stored (a refused file stores nothing).
 */
public class ProblemsDialog extends Dialog {

    private static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;

    private final ImportReport report;
    private final Locale locale;
    private TableViewer viewer;
    private Label summary;

    public ProblemsDialog(Shell parent, ImportReport report, Locale locale) {
        super(parent);
        this.report = report;
        this.locale = locale;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get(locale, report.committed() ? "problems.title.partial" : "problems.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        summary = new Label(area, SWT.WRAP);
        StringBuilder text = new StringBuilder(Texts.get(locale, report.committed() ? "problems.partial"
                : "problems.refused", report.file(), report.rejected(), report.rows(), report.problemCount()));
        if (report.problemCount() > report.problems().size()) {
            text.append(' ').append(Texts.get(locale, "problems.more", report.problems().size(),
                    report.problemCount() - report.problems().size()));
        }
        summary.setText(text.toString());
        GridDataFactory.fillDefaults().grab(true, false).hint(760, SWT.DEFAULT).applyTo(summary);
        viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column("problems.file", 180, problem -> problem.file());
        column("problems.line", 60, problem -> problem.line() == 0 ? "" : Long.toString(problem.line()));
        column("problems.field", 120, InputProblem::field);
        column("problems.message", 480, InputProblem::message);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(report.problems());
        GridDataFactory.fillDefaults().grab(true, true).hint(840, 360).applyTo(viewer.getControl());
        return area;
    }

    private void column(String title, int width, Function<InputProblem, String> text) {
        TextColumns.add(viewer, Texts.get(locale, title), width, InputProblem.class, text);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, Texts.get(locale, "problems.copy"), false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] {asText()}, new Transfer[] {TextTransfer.getInstance()});
            } finally {
                clipboard.dispose();
            }
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** The problems as the command line prints them, one a line, with the summary above. */
    public String asText() {
        StringBuilder text = new StringBuilder(summary.getText()).append('\n');
        report.problems().forEach(problem -> text.append(problem).append('\n'));
        return text.toString();
    }

    /** The table of problems. */
    public TableViewer viewer() {
        return viewer;
    }

    /** The text above the table. */
    public String summary() {
        return summary.getText();
    }
}
