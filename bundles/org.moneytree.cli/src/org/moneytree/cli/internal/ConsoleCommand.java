package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.moneytree.api.user.UserDirectory;
import org.moneytree.api.user.UserException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code moneytree console}: runs the web console until the process is stopped. The HTTP server itself is
 * started by the framework with the port and host that the {@code moneytree} script passes as framework
 * properties (Jetty listens only when the script runs this command); this command waits until the console is
 * deployed, creates the first admin, prints the address and blocks until Ctrl-C or SIGTERM.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = { "Runs the web console until stopped with Ctrl-C.", "运行网页控制台，按 Ctrl-C 停止。" })
final class ConsoleCommand implements Callable<Integer> {

    static final String ENABLE = "org.apache.felix.http.enable";
    static final String PORT = "org.osgi.service.http.port";
    static final String HOST = "org.apache.felix.http.host";

    /**
     * How long Jetty may take to restart with {@code conf/org.apache.felix.http.cfg}: Configuration Admin hands the
     * configuration over on its own thread, and a Jetty that cannot listen only logs it, so the runtime's
     * registration is the one signal there is and its absence has to be bounded.
     */
    private static final Duration CONFIGURED_SERVER_WAIT = Duration.ofSeconds(30);
    /** The console's servlet is deployed when its bundle starts; the bound only guards against a console that never is. */
    private static final Duration CONSOLE_WAIT = Duration.ofSeconds(60);

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8080; read by the moneytree script).")
    private int port = 8080;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default 127.0.0.1, this machine only; read by the moneytree script).")
    private String host = "127.0.0.1";

    @Mixin
    private LanguageOption language = new LanguageOption();

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    ConsoleCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        Messages messages = new Messages(language.locale());
        if (!Boolean.parseBoolean(platform.property(ENABLE))) {
            throw new CommandFailure(CommandFailure.FAILED, messages.get("console.notEnabled"));
        }
        ConsoleSupport console = platform.console();
        Optional<Dictionary<String, Object>> configured = console.jettyConfiguration();
        // What Jetty listens on: its configuration's, else what the script passed; the options only document it.
        int listenPort = parsePort(setting(configured, PORT), port);
        String listenHost = Optional.ofNullable(setting(configured, HOST)).filter(h -> !h.isBlank()).orElse(host);
        // Without a configuration, Felix's Jetty starts in its bundle activator (start level 5) and registers its
        // runtime there when it listens; Equinox runs this command only after the start level is reached, so no
        // runtime now means that Jetty could not listen, and there is nothing to wait for. A configuration instead
        // restarts Jetty on Configuration Admin's thread, whose outcome only the runtime's registration tells.
        boolean listening = configured.isEmpty() ? console.serverRunning()
                : console.awaitServer(listenPort, CONFIGURED_SERVER_WAIT);
        if (!listening) {
            throw new CommandFailure(CommandFailure.FAILED, whyNotListening(messages, listenHost, listenPort));
        }
        List<String> endpoints = console.awaitConsole(CONSOLE_WAIT).orElseThrow(
                () -> new CommandFailure(CommandFailure.FAILED, messages.get("console.notStarted")));

        UserDirectory users = console.users().orElseThrow(
                () -> new CommandFailure(CommandFailure.FAILED, messages.get("console.noUsers")));
        try {
            users.createFirstAdmin().ifPresent(password -> {
                out.println(messages.get("console.firstAdmin.1"));
                out.println(messages.get("console.firstAdmin.2", "admin", password));
                out.println(messages.get("console.firstAdmin.3"));
            });
        } catch (UserException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, e.getMessage());
        }
        String address = endpoints.stream().filter(e -> e.contains("//" + listenHost + ":")).findFirst()
                .orElse(endpoints.isEmpty() ? "http://" + listenHost + ":" + listenPort + "/" : endpoints.get(0));
        out.println(messages.get("console.address", address));
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            platform.awaitFrameworkStop(Duration.ofSeconds(30));
        }, "moneytree-console-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }

    private static int parsePort(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String setting(Optional<Dictionary<String, Object>> configured, String key) {
        Object value = configured.map(properties -> properties.get(key)).orElse(null);
        return value != null ? String.valueOf(value) : null;
    }

    /**
     * Why Jetty did not listen, found by binding the address here: Jetty logs the reason in the workspace's
     * {@code .metadata/http.log} but registers nothing. The port may have been freed since (or taken since), so
     * when binding works the message sends the user to the log instead of guessing.
     */
    private static String whyNotListening(Messages messages, String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return messages.get("console.notStarted");
        } catch (BindException e) {
            return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("in use")
                    ? messages.get("console.portInUse", String.valueOf(port), host)
                    : messages.get("console.cannotListen", host, String.valueOf(port), e.getMessage());
        } catch (IOException | RuntimeException e) {
            return messages.get("console.cannotListen", host, String.valueOf(port), e.getMessage());
        }
    }
}
