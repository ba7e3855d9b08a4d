package org.moneytree.desktop.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Named;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.moneytree.api.report.ViewExporter;
import org.moneytree.api.report.ViewModel;

/**
 * File › Export view…: writes the active view part's model as CSV, HTML or PDF (by the file's extension, chosen in
 * a save dialog) with an {@link ExportJob}. Possible once the active part shows a view's model.
 */
public class ExportHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return model(part) != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Optional @Named(IServiceConstants.ACTIVE_PART) MPart part, @Optional ViewExporter exporter,
            UISynchronize sync, @Optional @Named(TranslationService.LOCALE) Object localeValue) {
        Locale locale = Keys.locale(localeValue);
        String title = Texts.get(locale, "export.title");
        ViewModel model = model(part);
        if (model == null) {
            MessageDialog.openInformation(shell, title, Texts.get(locale, "export.noview"));
            return;
        }
        if (exporter == null) {
            MessageDialog.openError(shell, title, Texts.get(locale, "service.missing", "ViewExporter"));
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(title);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*.csv", "*.html", "*.pdf"});
        dialog.setFilterNames(new String[] {"CSV (*.csv)", "HTML (*.html)", "PDF (*.pdf)"});
        ReportViewPart view = (ReportViewPart) part.getObject();
        dialog.setFileName(model.viewId() + (view.dataset() == null ? "" : "-" + view.dataset()) + ".csv");
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        ExportJob.Format format = ExportJob.Format.of(file);
        if (format == null) {
            // the filter chosen says the format when the name has no extension of ours
            format = ExportJob.Format.values()[Math.max(0, dialog.getFilterIndex())];
            file = file.resolveSibling(file.getFileName() + "." + format.extension());
        }
        start(shell, exporter, view, format, file, sync, locale);
    }

    private static ViewModel model(MPart part) {
        return part != null && part.getObject() instanceof ReportViewPart view ? view.model() : null;
    }

    /**
     * Exports the view's model now shown and says where it went, or why it did not.
     *
     * @return completes on the UI thread with the window that shows the outcome
     */
    static CompletableFuture<Window> start(Shell shell, ViewExporter exporter, ReportViewPart view,
            ExportJob.Format format, Path file, UISynchronize sync, Locale locale) {
        ViewModel model = view.model();
        String pdfTitle = model.title() + (view.dataset() == null ? "" : " — " + view.dataset());
        ExportJob job = new ExportJob(exporter, model, pdfTitle, format, file, locale);
        return Dialogs.schedule(job, sync, status -> {
            String title = Texts.get(locale, "export.title");
            if (status.getSeverity() == IStatus.CANCEL) {
                return Dialogs.message(shell, MessageDialog.INFORMATION, title, Texts.get(locale, "export.cancelled"));
            }
            if (!status.isOK()) {
                return Dialogs.message(shell, MessageDialog.ERROR, title, status.getMessage());
            }
            return Dialogs.message(shell, MessageDialog.INFORMATION, title,
                    Texts.get(locale, "export.done", model.title(), file.toAbsolutePath()));
        });
    }
}
