package org.moneytree.desktop.internal;

import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * A desktop job around one call that cannot report progress or stop half-way (a p2 install, for example): the
 * toolbar shows it running, and the call's answer, a one-line account, is kept as {@link #answer()}. An
 * exception's message becomes the job's error status.
 */
public class TaskJob extends DesktopJob {

    private static final Logger LOG = Logger.getLogger(TaskJob.class.getName());

    private final Callable<String> task;
    private volatile String answer;

    public TaskJob(String name, Callable<String> task) {
        super(name);
        this.task = task;
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        try {
            answer = task.call();
            return Status.OK_STATUS;
        } catch (Exception e) {
            if (!(e instanceof org.moneytree.api.plugin.PluginException)) {
                LOG.log(Level.WARNING, getName() + " failed", e);
            }
            return Status.error(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    /** The call's answer; {@code null} until it is done, or when it failed. */
    public String answer() {
        return answer;
    }
}
