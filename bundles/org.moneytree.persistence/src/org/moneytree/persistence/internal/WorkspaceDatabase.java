package org.moneytree.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

import jakarta.persistence.EntityManagerFactory;

/**
 * The workspace database as configured (see {@link Database}), migrated to the current schema, with the
 * EclipseLink factory that the stores of this bundle share. A configuration change deactivates it, and the
 * stores with it, so they never write to the database they were not configured for. The factory is built
 * with EclipseLink's own provider and this bundle's class loader, because the JPA bootstrap through
 * {@code Persistence} cannot see bundles. Registered under this class, which no other bundle can see.
 */
@Component(service = WorkspaceDatabase.class, configurationPid = WorkspaceDatabase.PID)
@Designate(ocd = DatabaseConfiguration.class)
public final class WorkspaceDatabase {

    static final String PID = "org.moneytree.persistence";
    private static final Pattern DATASET_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Database database;
    private final EntityManagerFactory factory;

    @Activate
    public WorkspaceDatabase(BundleContext context, DatabaseConfiguration configuration,
            @Reference(name = "dataSourceFactory", service = DataSourceFactory.class)
            List<Map.Entry<Map<String, Object>, DataSourceFactory>> drivers) throws Exception {
        database = Database.open(context, configuration, drivers);
        SchemaMigrations.migrate(database.dataSource(), database.description(), database.postgresql());
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, database.dataSource());
        properties.put(PersistenceUnitProperties.CLASSLOADER, WorkspaceDatabase.class.getClassLoader());
        properties.put(PersistenceUnitProperties.TARGET_DATABASE, database.eclipseLinkPlatform());
        EntityManagerFactory created = new PersistenceProvider().createEntityManagerFactory("moneytree", properties);
        if (created == null) {
            throw new IllegalStateException("persistence unit 'moneytree' not found in " + context.getBundle());
        }
        // Opening a manager connects now, so a broken database fails the component at start with its cause
        // instead of at the first import.
        created.createEntityManager().close();
        factory = created;
    }

    @Deactivate
    void close() {
        factory.close();
        database.shutdown();
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    /** {@code true} for PostgreSQL, {@code false} for embedded H2. */
    boolean postgresql() {
        return database.postgresql();
    }

    EntityManagerFactory factory() {
        return factory;
    }

    static void requireDatasetName(String dataset) {
        if (dataset == null || !DATASET_NAME.matcher(dataset).matches()) {
            throw new IllegalArgumentException("dataset name '" + dataset
                    + "' is not allowed: use 1 to 100 letters, digits, '.', '_' or '-'");
        }
    }

    /** A connection from the pool in manual-commit mode, closed again if it cannot be switched. */
    static Connection manualCommit(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Creates the dataset if it is new, without a visible generation of purchases, as an archive load does: tiers
     * or a lifetime fit may come before any purchases are stored. A later purchase load adopts it. The caller
     * commits.
     */
    static void createDataset(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("INSERT INTO MT_DATASET (NAME, CREATED_AT)"
                + " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM MT_DATASET WHERE NAME = ?)")) {
            create.setString(1, dataset);
            create.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
            create.setString(3, dataset);
            create.executeUpdate();
        }
    }
}
