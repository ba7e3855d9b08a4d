package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
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

    private static final Duration SERVER_WAIT = Duration.ofSeconds(3);
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
        // What Jetty was started with, when the script passed it; the options only document it otherwise.
        int listenPort = parsePort(platform.property(PORT), port);
        String listenHost = Optional.ofNullable(platform.property(HOST)).filter(h -> !h.isBlank()).orElse(host);
        ConsoleSupport console = platform.console();
        if (!console.serverRunning(SERVER_WAIT)) {
            throw new CommandFailure(CommandFailure.FAILED, inUse(listenHost, listenPort)
                    ? messages.get("console.portInUse", String.valueOf(listenPort), listenHost)
                    : messages.get("console.notStarted"));
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

    /** Whether another process holds the port: Jetty then never registered its runtime. */
    private static boolean inUse(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
