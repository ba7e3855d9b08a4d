package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Equinox application {@code org.moneytree.cli.application}: hands the command-line arguments to the
 * {@link CommandLineRunner} component and returns its exit code, which the launcher passes to the shell.
 * Equinox creates applications through the extension registry, outside Declarative Services, so this is
 * the one place that waits for a service with a tracker.
 */
public final class MoneytreeApplication implements IApplication {

    private static final long SERVICE_WAIT_SECONDS = 60;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        context.applicationRunning();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BundleContext bundleContext = FrameworkUtil.getBundle(MoneytreeApplication.class).getBundleContext();
        ServiceTracker<CommandLineRunner, CommandLineRunner> tracker = new ServiceTracker<>(bundleContext,
                CommandLineRunner.class, null);
        tracker.open();
        try {
            CommandLineRunner runner = tracker.waitForService(TimeUnit.SECONDS.toMillis(SERVICE_WAIT_SECONDS));
            if (runner == null) {
                err.println("moneytree: the command line component did not start within " + SERVICE_WAIT_SECONDS
                        + " s; see the log in the workspace's .metadata folder");
                return 1;
            }
            return runner.execute(args, out, err);
        } finally {
            tracker.close();
            out.flush();
            err.flush();
        }
    }

    @Override
    public void stop() {
        // Commands run to completion; there is nothing to interrupt.
    }
}
