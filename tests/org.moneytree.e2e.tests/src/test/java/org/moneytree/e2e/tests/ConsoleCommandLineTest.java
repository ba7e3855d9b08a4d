package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code ./moneytree console} when it cannot serve: a port another program holds and a port that is no number are
 * refused in one line with exit codes 1 and 2, without waiting.
 */
@ResourceLock(MoneytreeProduct.BUILT)
class ConsoleCommandLineTest {

    private static final Path SCRATCH = Path.of(System.getProperty("moneytree.scratch"), "console-command");

    @Test
    void aPortInUseIsNamedAndTheCommandEndsAtOnce() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            long start = System.nanoTime();
            Result result = console("--port", String.valueOf(port));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(1, result.exit(), result.output());
            assertEquals("moneytree: Port " + port + " on 127.0.0.1 is in use by another program; choose another with"
                    + " --port.", result.output().strip());
            // the platform's start and stop, no waiting for a server that will not come (it was 3 s, then 10 s)
            assertTrue(seconds < 30, seconds + " s");
        }
    }

    @Test
    void aPortThatIsNoNumberIsBadInput() throws Exception {
        Result result = console("--port", "http");
        assertEquals(2, result.exit(), result.output());
        assertEquals("moneytree: --port: 'http' is not a port number (1 to 65535)", result.output().strip());
    }

    private record Result(int exit, String output) {
    }

    private static Result console(String... args) throws Exception {
        Files.createDirectories(SCRATCH);
        List<String> command = new java.util.ArrayList<>(List.of("bash", System.getProperty("moneytree.script"), "console"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(SCRATCH.toFile());
        builder.environment().put("MONEYTREE_WORKSPACE", SCRATCH.resolve("workspace").toString());
        builder.environment().put("MONEYTREE_CONF", SCRATCH.resolve("conf").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the console command did not end: " + output);
        return new Result(process.exitValue(), output);
    }
}
