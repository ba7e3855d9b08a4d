package org.moneytree.desktop.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * The toolbar's progress: the desktop client's running jobs ({@link DesktopJob}: import, analysis, export, plugin
 * changes), the latest one's task and how far it has come, and a Cancel button that cancels it. Hidden while no
 * such job runs. Updates reach the UI thread at most once per pending update, however often a job reports.
 */
public class ProgressControl {

    @Inject
    UISynchronize sync;

    private Locale locale;
    private Composite box;
    private Label task;
    private ProgressBar bar;
    private Button cancel;
    private final List<DesktopJob> running = new ArrayList<>();
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private IJobChangeListener listener;

    @PostConstruct
    void create(Composite parent, @Optional @Named(TranslationService.LOCALE) Object locale) {
        this.locale = Keys.locale(locale);
        box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 2).applyTo(box);
        task = new Label(box, SWT.NONE);
        GridDataFactory.swtDefaults().hint(260, SWT.DEFAULT).applyTo(task);
        bar = new ProgressBar(box, SWT.SMOOTH | SWT.HORIZONTAL);
        bar.setMaximum(1000);
        GridDataFactory.swtDefaults().hint(160, SWT.DEFAULT).applyTo(bar);
        cancel = new Button(box, SWT.PUSH);
        cancel.setText(Texts.get(this.locale, "cancel"));
        cancel.addListener(SWT.Selection, event -> {
            DesktopJob job = current();
            if (job != null) {
                job.cancel();
                task.setText(Texts.get(this.locale, "cancelling", job.getName()));
            }
        });
        listener = new JobChangeAdapter() {
            @Override
            public void scheduled(IJobChangeEvent event) {
                if (event.getJob() instanceof DesktopJob job) {
                    synchronized (running) {
                        running.add(job);
                    }
                    job.onProgress(progress -> update());
                    update();
                }
            }

            @Override
            public void done(IJobChangeEvent event) {
                if (event.getJob() instanceof DesktopJob job) {
                    synchronized (running) {
                        running.remove(job);
                    }
                    update();
                }
            }
        };
        Job.getJobManager().addJobChangeListener(listener);
        show();
    }

    @PreDestroy
    void dispose() {
        if (listener != null) {
            Job.getJobManager().removeJobChangeListener(listener);
        }
    }

    private DesktopJob current() {
        synchronized (running) {
            return running.isEmpty() ? null : running.get(running.size() - 1);
        }
    }

    private void update() {
        if (updatePending.compareAndSet(false, true)) {
            sync.asyncExec(() -> {
                updatePending.set(false);
                show();
            });
        }
    }

    private void show() {
        if (box.isDisposed()) {
            return;
        }
        DesktopJob job = current();
        boolean visible = job != null;
        if (visible) {
            DesktopJob.Progress progress = job.progress();
            int others;
            synchronized (running) {
                others = running.size() - 1;
            }
            task.setText(progress.task() + (others > 0 ? " " + Texts.get(locale, "more.jobs", others) : ""));
            bar.setSelection(progress.done() < 0 ? 0 : (int) Math.round(progress.done() * 1000));
        }
        if (box.getVisible() != visible) {
            box.setVisible(visible);
        }
    }

    /** What the control shows now: the task, or an empty text when no job runs. */
    public String shown() {
        return box.getVisible() ? task.getText() : "";
    }

    /** The Cancel button. */
    public Button cancelButton() {
        return cancel;
    }
}
