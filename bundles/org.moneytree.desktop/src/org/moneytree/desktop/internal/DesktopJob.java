package org.moneytree.desktop.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A long piece of work started from the menus (an import, an analysis, an export, a plugin change), run as an
 * Eclipse {@link Job} of the family {@link #FAMILY}. The e4 workbench has no progress view of its own, so the job
 * tells how far it has come to its listeners ({@link #onProgress}); the toolbar's {@link ProgressControl} shows it
 * with a Cancel button that cancels the job.
 */
public abstract class DesktopJob extends Job {

    /** The family of the desktop client's jobs, for {@link org.eclipse.core.runtime.jobs.IJobManager#find}. */
    public static final Object FAMILY = DesktopJob.class;

    /**
     * How far a job has come.
     *
     * @param task what the job does now
     * @param done the fraction done, 0 to 1, or a negative number when it is not known
     */
    public record Progress(String task, double done) {
    }

    private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
    private volatile Progress progress;

    protected DesktopJob(String name) {
        super(name);
        setUser(true);
        progress = new Progress(name, -1);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** How far the job has come now. */
    public Progress progress() {
        return progress;
    }

    /** Tells the listener of every change of the progress (on the job's thread). */
    public void onProgress(Consumer<Progress> listener) {
        listeners.add(listener);
    }

    @Override
    protected final IStatus run(IProgressMonitor monitor) {
        return work(new ProgressMonitorWrapper(monitor) {
            private String task = getName();
            private double total = -1;
            private double worked;

            @Override
            public void beginTask(String name, int totalWork) {
                super.beginTask(name, totalWork);
                task = name == null || name.isBlank() ? getName() : name;
                total = totalWork == UNKNOWN ? -1 : totalWork;
                worked = 0;
                tell();
            }

            @Override
            public void setTaskName(String name) {
                super.setTaskName(name);
                task = name;
                tell();
            }

            @Override
            public void subTask(String name) {
                super.subTask(name);
                task = name == null || name.isBlank() ? task : name;
                tell();
            }

            @Override
            public void internalWorked(double work) {
                super.internalWorked(work);
                worked += work;
                tell();
            }

            @Override
            public void worked(int work) {
                internalWorked(work);
            }

            private void tell() {
                Progress now = new Progress(task, total <= 0 ? -1 : Math.min(1, worked / total));
                progress = now;
                listeners.forEach(listener -> listener.accept(now));
            }
        });
    }

    /**
     * The work, reporting to the monitor and stopping soon after it is cancelled.
     *
     * @return {@link org.eclipse.core.runtime.Status#OK_STATUS}, {@link org.eclipse.core.runtime.Status#CANCEL_STATUS}
     *         when cancelled, or an error status whose message says what went wrong
     */
    protected abstract IStatus work(IProgressMonitor monitor);
}
