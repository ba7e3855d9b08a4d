package org.moneytree.desktop.internal;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Named;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.purchase.StoreResult;
import org.moneytree.api.report.ReportData;

/**
 * File › Import…: the {@link ImportDialog}, then an {@link ImportJob}; a file with problems shows them all in a
 * {@link ProblemsDialog}, an import that stored its rows says what it stored, and the workbench's datasets are read
 * again.
 */
public class ImportHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional ArchiveImporter importer,
            @Optional ReportData data, MApplication application, UISynchronize sync,
            @Optional @Named(TranslationService.LOCALE) Object localeValue) {
        Locale locale = Keys.locale(localeValue);
        if (importer == null) {
            MessageDialog.openError(shell, Texts.get(locale, "import.title"), Texts.get(locale, "service.missing",
                    "ArchiveImporter"));
            return;
        }
        List<String> datasets = List.of();
        try {
            datasets = data == null ? List.of() : data.datasets();
        } catch (RuntimeException e) {
            // the dialog also takes a new dataset's name
        }
        ImportDialog dialog = new ImportDialog(shell, locale, datasets);
        if (dialog.open() == Window.OK) {
            start(shell, new ImportJob(importer, dialog.choice(), locale), application, sync, locale);
        }
    }

    /**
     * Runs the import and shows its outcome: the problems, what was stored, a cancellation or a failure.
     *
     * @return completes on the UI thread with the window that shows the outcome
     */
    static CompletableFuture<Window> start(Shell shell, ImportJob job, MApplication application, UISynchronize sync,
            Locale locale) {
        return Dialogs.schedule(job, sync, status -> {
            String title = Texts.get(locale, "import.title");
            if (status.getSeverity() == IStatus.CANCEL) {
                return Dialogs.message(shell, MessageDialog.INFORMATION, title, Texts.get(locale, "import.cancelled",
                        job.choice().file()));
            }
            ImportReport report = job.report();
            if (report == null) {
                return Dialogs.message(shell, MessageDialog.ERROR, title, status.getMessage());
            }
            if (report.committed() && application != null) {
                Keys.refresh(application.getContext());
            }
            if (report.problemCount() > 0) {
                ProblemsDialog problems = new ProblemsDialog(shell, report, locale);
                problems.setBlockOnOpen(false);
                problems.open();
                return problems;
            }
            StoreResult stored = report.stored();
            NumberFormat count = NumberFormat.getIntegerInstance(locale);
            return Dialogs.message(shell, MessageDialog.INFORMATION, title, Texts.get(locale, "import.done",
                    count.format(report.rows()), job.choice().file().getFileName(), count.format(stored.added()),
                    count.format(stored.updated()), count.format(stored.unchanged()), report.dataset()));
        });
    }
}
