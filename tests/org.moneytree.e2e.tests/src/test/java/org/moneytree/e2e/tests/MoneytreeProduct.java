package org.moneytree.e2e.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A private copy of the built product, run as a separate process the way the moneytree script runs it. */
final class MoneytreeProduct {

    /**
     * The lock of the test classes that run the build's own product through the moneytree script rather than a
     * copy: they share its configuration area, so they do not run at the same time.
     */
    static final String BUILT = "the built product";

    /** What one command printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path home;
    private final Path workspace;
    private final Path workingDirectory;

    MoneytreeProduct(Path built, Path scratch) throws IOException {
        if (!Files.isDirectory(built.resolve("plugins"))) {
            throw new IllegalStateException("no built product at " + built + "; run the build first");
        }
        deleteRecursively(scratch);
        home = scratch.resolve("product");
        workspace = scratch.resolve("workspace");
        workingDirectory = scratch.resolve("work");
        copyRecursively(built, home);
        Files.createDirectories(workingDirectory);
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** The configuration folder the product reads at start: {@code conf} beside the workspace. */
    Path configurationFolder() {
        return workspace.resolveSibling("conf");
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    /** Runs a command with Java system properties of its own, as the moneytree script gives some. */
    Run run(List<String> javaOptions, String... args) throws IOException, InterruptedException {
        return run(workspace, javaOptions, args);
    }

    /** Runs a command on another workspace than this product's own (its configuration folder stays the same). */
    Run runOn(Path otherWorkspace, String... args) throws IOException, InterruptedException {
        return run(otherWorkspace, List.of(), args);
    }

    private Run run(Path workspace, List<String> javaOptions, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workingDirectory, "out", ".txt");
        Path err = Files.createTempFile(workingDirectory, "err", ".txt");
        Process process = start(out, err, workspace, javaOptions, args);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("moneytree " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Starts a command without waiting for it, its output going to the given files. */
    Process start(Path out, Path err, String... args) throws IOException {
        return start(out, err, List.of(), args);
    }

    /**
     * Starts a command with Java system properties of its own (such as the HTTP server's, which the moneytree script
     * gives the console), its output going to the given files.
     */
    Process start(Path out, Path err, List<String> javaOptions, String... args) throws IOException {
        return start(out, err, workspace, javaOptions, args);
    }

    /** A jar of the product's plugins folder, by the start of its name. */
    Path plugin(String namePrefix) throws IOException {
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            return plugins.filter(p -> p.getFileName().toString().startsWith(namePrefix)).findFirst().orElseThrow();
        }
    }

    private Process start(Path out, Path err, Path workspace, List<String> javaOptions, String... args)
            throws IOException {
        Path launcher;
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            launcher = plugins.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_"))
                    .findFirst().orElseThrow();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(javaOptions);
        command.addAll(List.of("-Dmoneytree.workspace=" + workspace,
                "-Dmoneytree.conf=" + configurationFolder(), "-jar", launcher.toString(), "-data",
                workspace.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
