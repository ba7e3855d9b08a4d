package org.moneytree.desktop.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The desktop client's own settings, kept in the workspace as {@value #FILE} (a properties file, so that the
 * {@code moneytree-desktop} script can read it before the JVM starts): for now the language,
 * {@code language = en | zh}, which the script passes on as {@code -nl} at the next start unless {@code -nl} is
 * given. The workspace is the framework property {@code moneytree.workspace} (set by the start scripts), else the
 * working folder.
 */
@Component(service = DesktopSettings.class)
public class DesktopSettings {

    /** The settings file's name in the workspace. */
    public static final String FILE = "desktop.properties";

    /** The key of the language: {@code en} or {@code zh}; absent for the platform's language. */
    public static final String LANGUAGE = "language";

    private final Path file;

    @Activate
    public DesktopSettings(BundleContext context) {
        this(Path.of(Optional.ofNullable(context.getProperty("moneytree.workspace")).orElse(".")).resolve(FILE));
    }

    /** Settings kept in the given file. */
    public DesktopSettings(Path file) {
        this.file = file;
    }

    /** The file the settings are kept in. */
    public Path file() {
        return file;
    }

    /** The language chosen ({@code en}, {@code zh}), or empty for the platform's. */
    public Optional<String> language() {
        return Optional.ofNullable(read().getProperty(LANGUAGE)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /**
     * Keeps the language for the next start.
     *
     * @param language {@code en}, {@code zh}, or {@code null} to follow the platform's language
     * @throws IOException when the file cannot be written
     */
    public void language(String language) throws IOException {
        Properties properties = read();
        if (language == null) {
            properties.remove(LANGUAGE);
        } else {
            properties.setProperty(LANGUAGE, language);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Moneytree desktop client; language = en | zh, read by moneytree-desktop at start");
        }
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable file is as good as none: the platform's language applies
            }
        }
        return properties;
    }
}
