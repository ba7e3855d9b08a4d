package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.List;

import org.moneytree.api.plugin.PluginFailure;
import org.moneytree.api.plugin.PluginManager;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.clv.LifetimeService;
import org.moneytree.api.exports.ArchiveExporter;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewExporter;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TieringService;
import org.moneytree.api.user.UserDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import picocli.CommandLine;

/**
 * Parses and runs one command line with the platform's services. Every service is optional here, so that a
 * service that failed to start (a locked database, a broken plugin) gives the user a message naming the
 * failure instead of a command line that never starts.
 */
@Component(service = CommandLineRunner.class)
public final class CommandLineRunner {

    // Held as service objects so that a command activates only the services it uses: `schemes` or `--help`
    // need not open the database.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ArchiveImporter> importer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ArchiveExporter> exporter;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<CustomerArchive> archive;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<PurchaseStore> store;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ProfitabilityService> profitability;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ScoringModel> scoring;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<TierHistory> history;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<TieringService> tiering;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<PluginManager> plugins;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<LifetimeService> lifetime;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<UserDirectory> users;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ViewExporter> viewExporter;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ReportData> reportData;
    // The reporting views' whiteboard: every view registered now, from the core or a plugin, bound as it comes
    // and goes (greedy, so that a view registered after this component is seen too).
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ComponentServiceObjects<ReportView>> views;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ConsoleSupport> console;

    private final BundleContext context;

    @Activate
    public CommandLineRunner(BundleContext context) {
        this.context = context;
    }

    /**
     * Runs a command.
     *
     * @return the process exit code: 0 success, 1 a failure of the platform or a plugin, 2 bad input
     */
    public int execute(String[] args, PrintWriter out, PrintWriter err) {
        Platform platform = new Platform(this);
        CommandLine commandLine = new CommandLine(new MoneytreeCommand(out))
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new AnalyzeCommand(platform, out, err))
                .addSubcommand(new ImportCommand(platform, out, err))
                .addSubcommand(new ExportCommand(platform, out))
                .addSubcommand(new CustomersCommand(platform, out))
                .addSubcommand(new AccountCommand(platform, out))
                .addSubcommand(new TiersCommand(platform, out))
                .addSubcommand(new MigrationCommand(platform, out))
                .addSubcommand(new ExplainCommand(platform, out))
                .addSubcommand(new OverrideCommand(platform, out))
                .addSubcommand(new SchemesCommand(platform, out))
                .addSubcommand(new CostsCommand(platform, out))
                .addSubcommand(new CriteriaCommand(platform, out))
                .addSubcommand(new DatasetsCommand(platform, out))
                .addSubcommand(new ConsoleCommand(platform, out))
                .addSubcommand(new CommandLine(new ClvCommand())
                        .addSubcommand(new ClvCommand.Fit(platform, out))
                        .addSubcommand(new ClvCommand.Predict(platform, out))
                        .addSubcommand(new ClvCommand.Show(platform, out))
                        .addSubcommand(new ClvCommand.Sectors(platform, out)))
                .addSubcommand(new CommandLine(new UsersCommand())
                        .addSubcommand(new UsersCommand.ListUsers(platform, out))
                        .addSubcommand(new UsersCommand.AddUser(platform, out))
                        .addSubcommand(new UsersCommand.ChangePassword(platform, out))
                        .addSubcommand(new UsersCommand.ChangeRole(platform, out))
                        .addSubcommand(new UsersCommand.RemoveUser(platform, out)))
                .addSubcommand(new CommandLine(new ReportCommand(platform, out))
                        .addSubcommand(new ReportCommand.ListViews(platform, out))
                        .addSubcommand(new ReportCommand.Pdf(platform, out, err)))
                .addSubcommand(new CommandLine(new PluginsCommand())
                        .addSubcommand(new PluginsCommand.ListPlugins(platform, out))
                        .addSubcommand(new PluginsCommand.InstallPlugin(platform, out))
                        .addSubcommand(new PluginsCommand.UninstallPlugin(platform, out)));
        commandLine.setOut(out).setErr(err)
                .setExecutionExceptionHandler((exception, line, parseResult) -> {
                    if (exception instanceof CommandFailure failure) {
                        err.println("moneytree: " + failure.getMessage());
                        return failure.exitCode();
                    }
                    return internalError(exception, err);
                });
        try {
            return commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands only exceptions to the handler; an Error (out of memory...) would reach the
            // Equinox launcher, which only logs it, in the workspace: with that disk full, the user saw nothing.
            return internalError(e, err);
        }
    }

    private static int internalError(Throwable failure, PrintWriter err) {
        String reason = failure.getMessage() == null || failure.getMessage().isBlank() ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + CommandFailure.oneLine(failure);
        err.println("moneytree: internal error: " + reason + " (see the log in the workspace's .metadata folder)");
        return CommandFailure.FAILED;
    }

    /**
     * The services the commands use, each got when first asked for and failing with the reason when it is
     * not there. One instance serves one command.
     */
    static final class Platform {
        private final CommandLineRunner runner;

        Platform(CommandLineRunner runner) {
            this.runner = runner;
        }

        ArchiveImporter importer() {
            return required(runner.importer, "the importer", "org.moneytree.importer");
        }

        ArchiveExporter exporter() {
            return required(runner.exporter, "the exporter", "org.moneytree.importer");
        }

        CustomerArchive archive() {
            return required(runner.archive, "the customer archive", "org.moneytree.persistence");
        }

        /** Where saved column mappings live: {@code mappings} in the configuration folder, if one is set. */
        java.nio.file.Path mappingsFolder() {
            String conf = runner.context == null ? null : runner.context.getProperty("moneytree.conf");
            return conf == null || conf.isBlank() ? null : java.nio.file.Path.of(conf, "mappings");
        }

        PurchaseStore store() {
            return required(runner.store, "the workspace database", "org.moneytree.persistence");
        }

        ProfitabilityService profitability() {
            return required(runner.profitability, "the profitability analysis", "org.moneytree.analysis");
        }

        ScoringModel scoring() {
            return required(runner.scoring, "the key-account scoring", "org.moneytree.scoring");
        }

        TierHistory history() {
            return required(runner.history, "the tier history", "org.moneytree.persistence");
        }

        TieringService tiering() {
            return required(runner.tiering, "the tiering service", "org.moneytree.tiering");
        }

        LifetimeService lifetime() {
            return required(runner.lifetime, "the lifetime-value service", "org.moneytree.clv");
        }

        UserDirectory users() {
            return required(runner.users, "the user directory", "org.moneytree.users");
        }

        ViewExporter viewExporter() {
            return required(runner.viewExporter, "the report exports", "org.moneytree.report.export");
        }

        /** The shared analysed figures, or {@code null} when their bundle is not running. */
        ReportData reportData() {
            ComponentServiceObjects<ReportData> objects = runner.reportData;
            return objects == null ? null : objects.getService();
        }

        /** The reporting views registered now; a view whose component fails to activate is left out. */
        List<ReportView> views() {
            List<ComponentServiceObjects<ReportView>> bound = runner.views;
            List<ReportView> found = new java.util.ArrayList<>();
            for (ComponentServiceObjects<ReportView> objects : bound == null ? List.<ComponentServiceObjects<ReportView>>of() : bound) {
                ReportView view = objects.getService();
                if (view != null) {
                    found.add(view);
                }
            }
            return found;
        }

        ConsoleSupport console() {
            return required(runner.console, "the console support", "org.moneytree.cli");
        }

        /** A framework property (or system property), such as the web server's port; {@code null} when unset. */
        String property(String key) {
            return runner.context == null ? System.getProperty(key) : runner.context.getProperty(key);
        }

        /**
         * Waits, up to the time given, until the framework has stopped: a shutdown hook that returns earlier
         * would let the JVM halt while the launcher still stops the bundles (and closes the database).
         */
        void awaitFrameworkStop(java.time.Duration wait) {
            if (runner.context == null) {
                return;
            }
            try {
                if (runner.context.getBundle(0) instanceof org.osgi.framework.launch.Framework framework) {
                    framework.waitForStop(wait.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                // the framework is already gone
            }
        }

        PluginManager plugins() {
            return required(runner.plugins, "the plugin manager", "org.moneytree.plugins");
        }

        /** Plugins that failed to start, to warn about before a command's output. */
        List<PluginFailure> failures() {
            ComponentServiceObjects<PluginManager> objects = runner.plugins;
            PluginManager manager = objects == null ? null : objects.getService();
            return manager == null ? List.of() : manager.failures();
        }

        private static final String MISSING_SERVICE = "Unable to get service for reference";

        private <S> S required(ComponentServiceObjects<S> objects, String what, String bundle) {
            S found = objects == null ? null : objects.getService();
            if (found == null) {
                List<PluginFailure> failures = failures();
                String reason = failures.stream().filter(failure -> failure.bundle().equals(bundle))
                        .map(PluginFailure::reason).findFirst().orElse("bundle " + bundle + " is not running");
                // a component that failed because a service it needs is missing says only that (Felix SCR:
                // "Unable to get service for reference $000"); the components that failed on their own say why
                List<String> causes = failures.stream().map(PluginFailure::reason)
                        .filter(cause -> !cause.contains(MISSING_SERVICE))
                        .map(cause -> cause.replaceFirst("^java\\.lang\\.Illegal(State|Argument)Exception: ", ""))
                        .distinct().limit(2).toList();
                if (reason.contains(MISSING_SERVICE) && !causes.isEmpty()) {
                    reason = String.join("; ", causes);
                }
                throw new CommandFailure(CommandFailure.FAILED, what + " is not available: " + reason
                        + " (the platform's log, .metadata/.log in the workspace, says why)");
            }
            return found;
        }
    }
}
