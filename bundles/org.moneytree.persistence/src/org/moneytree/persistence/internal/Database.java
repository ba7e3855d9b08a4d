package org.moneytree.persistence.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The configured database: its JDBC data source, made by the driver's OSGi {@link DataSourceFactory}
 * service, and the names EclipseLink and people need.
 *
 * @param dataSource connections to it
 * @param description where it is, for messages (never the password)
 * @param eclipseLinkPlatform EclipseLink's target database name
 */
record Database(DataSource dataSource, String description, String eclipseLinkPlatform) {

    static final String WORKSPACE_PROPERTY = "moneytree.workspace";
    private static final String H2_DRIVER = "org.h2.Driver";
    private static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

    /** {@code true} for PostgreSQL, which other processes may share; {@code false} for the embedded H2 file. */
    boolean postgresql() {
        return eclipseLinkPlatform.endsWith("PostgreSQLPlatform");
    }

    static Database open(BundleContext context, DatabaseConfiguration configuration,
            List<Map.Entry<Map<String, Object>, DataSourceFactory>> drivers) throws Exception {
        String kind = configuration.database().strip().toLowerCase(java.util.Locale.ROOT);
        switch (kind) {
            case "h2" -> {
                Path folder = workspaceFolder(context, configuration);
                Files.createDirectories(folder);
                Properties properties = new Properties();
                // Kept open while the platform runs: EclipseLink gives back its read connections after each
                // query, and H2 would otherwise close (and compact) the whole database each time the last one
                // goes. WorkspaceDatabase shuts it down when it is done with it.
                properties.put(DataSourceFactory.JDBC_URL, "jdbc:h2:file:" + folder.resolve("moneytree")
                        + ";DB_CLOSE_DELAY=-1");
                properties.put(DataSourceFactory.JDBC_USER, "moneytree");
                properties.put(DataSourceFactory.JDBC_PASSWORD, "");
                return new Database(driver(drivers, H2_DRIVER, "h2").createDataSource(properties),
                        "the H2 database in " + folder, "org.eclipse.persistence.platform.database.H2Platform");
            }
            case "postgresql" -> {
                String url = configuration.url().strip();
                if (!url.startsWith("jdbc:postgresql:")) {
                    throw new IllegalArgumentException("database postgresql needs url = jdbc:postgresql://HOST:PORT/DATABASE"
                            + " in the configuration (PID " + WorkspaceDatabase.PID + "); it is '" + url + "'");
                }
                Properties properties = new Properties();
                properties.put(DataSourceFactory.JDBC_URL, url);
                properties.put(DataSourceFactory.JDBC_USER, configuration.user());
                properties.put(DataSourceFactory.JDBC_PASSWORD, configuration.password());
                return new Database(driver(drivers, POSTGRESQL_DRIVER, "postgresql").createDataSource(properties),
                        "the PostgreSQL database " + url, "org.eclipse.persistence.platform.database.PostgreSQLPlatform");
            }
            default -> throw new IllegalArgumentException("database '" + configuration.database()
                    + "' is not supported; use h2 or postgresql (PID " + WorkspaceDatabase.PID + ")");
        }
    }

    /**
     * Closes an embedded database, which stays open between connections; a server database is left alone.
     * A failure is no reason to keep the platform from stopping: H2 recovers an unclosed file on next open.
     */
    void shutdown() {
        if (!eclipseLinkPlatform.endsWith("H2Platform")) {
            return;
        }
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            // already closed, or closing anyway with the process
        }
    }

    static Path workspaceFolder(BundleContext context, DatabaseConfiguration configuration) {
        String configured = configuration.workspace();
        if (configured == null || configured.isBlank()) {
            configured = context.getProperty(WORKSPACE_PROPERTY);
        }
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".moneytree", "workspace");
        }
        return Path.of(configured).toAbsolutePath();
    }

    private static DataSourceFactory driver(List<Map.Entry<Map<String, Object>, DataSourceFactory>> drivers,
            String driverClass, String kind) {
        return drivers.stream()
                .filter(entry -> driverClass.equals(entry.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no JDBC driver for " + kind + " is running (" + driverClass
                        + "); the product needs its bundle started"));
    }
}
