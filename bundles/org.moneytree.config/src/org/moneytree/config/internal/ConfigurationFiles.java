package org.moneytree.config.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads the product's configuration files into Configuration Admin when the platform starts: each
 * {@code <pid>.cfg} file in the configuration folder (Java properties, UTF-8, as Apache Karaf writes them)
 * becomes the configuration of that PID. It runs at a lower start level than the components it configures,
 * and writes synchronously, so every component starts with its file's values, never first with defaults.
 * A configuration whose file was removed is deleted, so the defaults apply again.
 *
 * <p>The folder is the framework property {@value #FOLDER_PROPERTY}, by default {@code conf} beside the
 * workspace folder ({@code moneytree.workspace}), or {@code ~/.moneytree/conf}.
 */
@Component(immediate = true, service = {})
public final class ConfigurationFiles {

    static final String FOLDER_PROPERTY = "moneytree.conf";
    /** Marks configurations that came from a file, with the file's path. */
    static final String SOURCE_PROPERTY = "moneytree.conf.file";

    @Activate
    public ConfigurationFiles(BundleContext context, @Reference ConfigurationAdmin configurationAdmin)
            throws IOException, InvalidSyntaxException {
        Path folder = folder(context);
        Map<String, Path> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.cfg")) {
                for (Path file : entries) {
                    String name = file.getFileName().toString();
                    files.put(name.substring(0, name.length() - ".cfg".length()), file.toAbsolutePath());
                }
            }
        }
        for (Map.Entry<String, Path> file : files.entrySet()) {
            Dictionary<String, Object> properties = read(file.getValue());
            properties.put(SOURCE_PROPERTY, file.getValue().toString());
            configurationAdmin.getConfiguration(file.getKey(), "?").updateIfDifferent(properties);
        }
        Configuration[] fromFiles = configurationAdmin.listConfigurations("(" + SOURCE_PROPERTY + "=*)");
        if (fromFiles != null) {
            for (Configuration configuration : fromFiles) {
                if (!files.containsKey(configuration.getPid())) {
                    configuration.delete();
                }
            }
        }
    }

    static Path folder(BundleContext context) {
        String configured = context.getProperty(FOLDER_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String workspace = context.getProperty("moneytree.workspace");
        if (workspace != null && !workspace.isBlank()) {
            Path parent = Path.of(workspace).toAbsolutePath().getParent();
            if (parent != null) {
                return parent.resolve("conf");
            }
        }
        return Path.of(System.getProperty("user.home"), ".moneytree", "conf");
    }

    private static Dictionary<String, Object> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("configuration file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Dictionary<String, Object> values = new Hashtable<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
        return values;
    }
}
