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
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ViewExporter;

/** File › Export analysis as PDF…: the workbench's dataset, every view of its latest period, in one PDF ({@link AnalysisPdfJob}). */
public class ExportAnalysisHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(Keys.DATASET) String dataset) {
        return dataset != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional @Named(Keys.DATASET) String dataset,
            ViewCatalog catalog, @Optional ReportData data, @Optional ViewExporter exporter, UISynchronize sync,
            @Optional @Named(TranslationService.LOCALE) Object localeValue) {
        Locale locale = Keys.locale(localeValue);
        String title = Texts.get(locale, "export.analysis.title");
        if (dataset == null) {
            MessageDialog.openInformation(shell, title, Texts.get(locale, "no.dataset"));
            return;
        }
        if (data == null || exporter == null) {
            MessageDialog.openError(shell, title, Texts.get(locale, "service.missing",
                    data == null ? "ReportData" : "ViewExporter"));
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(title);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*.pdf"});
        dialog.setFileName("analysis-" + dataset + ".pdf");
        String chosen = dialog.open();
        if (chosen != null) {
            Path file = Path.of(chosen.toLowerCase(Locale.ROOT).endsWith(".pdf") ? chosen : chosen + ".pdf");
            start(shell, new AnalysisPdfJob(catalog, data, exporter, dataset, file, locale), sync, locale);
        }
    }

    /**
     * Writes the PDF and says what went in (and which views were left out), or why nothing was written.
     *
     * @return completes on the UI thread with the window that shows the outcome
     */
    static CompletableFuture<Window> start(Shell shell, AnalysisPdfJob job, UISynchronize sync, Locale locale) {
        return Dialogs.schedule(job, sync, status -> {
            String title = Texts.get(locale, "export.analysis.title");
            if (status.getSeverity() == IStatus.CANCEL) {
                return Dialogs.message(shell, MessageDialog.INFORMATION, title, Texts.get(locale, "export.cancelled"));
            }
            if (!status.isOK()) {
                return Dialogs.message(shell, MessageDialog.ERROR, title, status.getMessage());
            }
            String text = Texts.get(locale, "export.analysis.done", job.models().size(), job.dataset(),
                    job.period().id(), job.target().toAbsolutePath());
            if (!job.problems().isEmpty()) {
                text += "\n" + Texts.get(locale, "export.analysis.left", String.join("\n", job.problems()));
            }
            return Dialogs.message(shell, MessageDialog.INFORMATION, title, text);
        });
    }
}
