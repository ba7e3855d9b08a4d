package org.moneytree.desktop.internal;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.imports.ImportSettings;

/**
 * Imports a file with the platform's {@link ArchiveImporter}, the service {@code moneytree import} uses: the same
 * checks, the same report, and its all-or-nothing guarantee (a refused file stores nothing). Progress follows the
 * bytes read. Cancelling ends the import at the next progress report (every few thousand rows) by throwing out of
 * it, before anything is committed: the importer then closes its load without a commit, so nothing is stored.
 */
public class ImportJob extends DesktopJob {

    private static final Logger LOG = Logger.getLogger(ImportJob.class.getName());
    private static final int TOTAL = 1000;

    private final ArchiveImporter importer;
    private final ImportDialog.Choice choice;
    private final Locale locale;
    private volatile ImportReport report;

    public ImportJob(ArchiveImporter importer, ImportDialog.Choice choice, Locale locale) {
        super(Texts.get(locale, "import.job", choice.file().getFileName(), choice.dataset()));
        this.importer = importer;
        this.choice = choice;
        this.locale = locale;
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) {
        monitor.beginTask(getName(), TOTAL);
        ImportSettings settings = choice.settings();
        int[] reported = {0};
        try {
            report = importer.importFile(choice.file(), choice.dataset(), choice.kind(), settings,
                    (bytesRead, totalBytes, rows) -> {
                        if (monitor.isCanceled()) {
                            throw new OperationCanceledException();
                        }
                        int now = totalBytes <= 0 ? TOTAL : (int) Math.min(TOTAL, bytesRead * TOTAL / totalBytes);
                        if (now > reported[0]) {
                            monitor.worked(now - reported[0]);
                            reported[0] = now;
                        }
                        monitor.subTask(Texts.get(locale, "import.rows", rows));
                    });
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "importing " + choice.file() + " failed", e);
            return Status.error(Texts.get(locale, "import.failed", choice.file(),
                    e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } finally {
            monitor.done();
        }
        return Status.OK_STATUS;
    }

    /** What was imported; {@code null} until the job is done, or when it was cancelled or failed. */
    public ImportReport report() {
        return report;
    }

    /** What the job was asked to import. */
    public ImportDialog.Choice choice() {
        return choice;
    }
}
