package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.moneytree.api.plugin.Plugin;
import org.moneytree.api.plugin.PluginException;
import org.moneytree.api.plugin.PluginFailure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moneytree plugins list|install|uninstall}: plugins installed with p2 from an update site. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = { "Lists, installs and uninstalls plugins (features from a p2 update site).",
                "列出、安装和卸载插件（p2 更新站点中的功能）。" })
final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists installed features and failed plugins.")
    static final class ListPlugins implements Callable<Integer> {
        private final CommandLineRunner.Platform platform;
        private final PrintWriter out;

        ListPlugins(CommandLineRunner.Platform platform, PrintWriter out) {
            this.platform = platform;
            this.out = out;
        }

        @Override
        public Integer call() {
            List<Plugin> installed;
            try {
                installed = platform.plugins().installed();
            } catch (PluginException e) {
                throw new CommandFailure(CommandFailure.FAILED, e.getMessage());
            }
            for (Plugin plugin : installed) {
                out.printf("%-45s %-24s %s%s%n", plugin.featureId(), plugin.version(), plugin.name(),
                        plugin.partOfProduct() ? " (product)" : "");
            }
            for (PluginFailure failure : platform.failures()) {
                out.printf("FAILED %s%s: %s%n", failure.bundle(),
                        failure.component().isEmpty() ? "" : " (" + failure.component() + ")", failure.reason());
            }
            return 0;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Installs a feature from an update site; it is active at once (and in every later command).")
    static final class InstallPlugin implements Callable<Integer> {
        @Parameters(paramLabel = "FEATURE", description = "Feature id, for example org.moneytree.sector.retail.feature")
        private String feature;

        @Option(names = "--from", required = true, paramLabel = "SITE",
                description = "Update site: a folder, a zip file or a file: URI.")
        private String from;

        private final CommandLineRunner.Platform platform;
        private final PrintWriter out;

        InstallPlugin(CommandLineRunner.Platform platform, PrintWriter out) {
            this.platform = platform;
            this.out = out;
        }

        @Override
        public Integer call() {
            try {
                out.println(platform.plugins().install(feature, siteUri(from)));
            } catch (PluginException e) {
                throw new CommandFailure(CommandFailure.FAILED, e.getMessage());
            }
            return 0;
        }

        private static URI siteUri(String site) {
            if (site.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
                return URI.create(site);
            }
            Path path = Path.of(site).toAbsolutePath().normalize();
            if (site.endsWith(".zip")) {
                return URI.create("jar:" + path.toUri() + "!/");
            }
            return path.toUri();
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Uninstalls a plugin feature.")
    static final class UninstallPlugin implements Callable<Integer> {
        @Parameters(paramLabel = "FEATURE", description = "Feature id")
        private String feature;

        private final CommandLineRunner.Platform platform;
        private final PrintWriter out;

        UninstallPlugin(CommandLineRunner.Platform platform, PrintWriter out) {
            this.platform = platform;
            this.out = out;
        }

        @Override
        public Integer call() {
            try {
                out.println(platform.plugins().uninstall(feature));
            } catch (PluginException e) {
                throw new CommandFailure(CommandFailure.FAILED, e.getMessage());
            }
            return 0;
        }
    }
}
