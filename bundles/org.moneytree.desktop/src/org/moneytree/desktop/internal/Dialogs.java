package org.moneytree.desktop.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/**
 * What the menus' jobs share: a job's outcome shown in a window once it is done. The windows open without blocking
 * (the workbench's event loop goes on), so a long job's answer does not hold the workbench up.
 */
final class Dialogs {

    private Dialogs() {
    }

    /** A message window that tells its text (for the tests, which read what the consultant reads). */
    static final class Message extends MessageDialog {

        Message(Shell shell, String title, String text, int kind) {
            super(shell, title, null, text, kind, 0, IDialogConstants.OK_LABEL);
        }

        /** The message shown. */
        String text() {
            return message;
        }
    }

    /** Opens a message window that does not block: {@link MessageDialog#INFORMATION} or {@link MessageDialog#ERROR}. */
    static Message message(Shell shell, int kind, String title, String text) {
        Message dialog = new Message(shell, title, text, kind);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    /**
     * Schedules the job and, when it is done, makes the window that shows its outcome on the UI thread.
     *
     * @param outcome makes (and opens) the window for the job's final status; may return {@code null} for none
     * @return completes on the UI thread with the window opened (or {@code null})
     */
    static <J extends DesktopJob> CompletableFuture<Window> schedule(J job, UISynchronize sync,
            Function<IStatus, Window> outcome) {
        CompletableFuture<Window> shown = new CompletableFuture<>();
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus status = event.getResult();
                sync.asyncExec(() -> {
                    try {
                        shown.complete(outcome.apply(status));
                    } catch (RuntimeException | Error e) {
                        shown.completeExceptionally(e);
                        throw e;
                    }
                });
            }
        });
        job.schedule();
        return shown;
    }
}
