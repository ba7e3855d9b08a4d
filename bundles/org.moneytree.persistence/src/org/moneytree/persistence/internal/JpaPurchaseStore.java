package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.purchase.PurchaseLoad;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Keeps purchases with EclipseLink JPA in the configured database (see {@link Database}). The factory is
 * built with EclipseLink's own provider and this bundle's class loader, because the JPA bootstrap through
 * {@code Persistence} cannot see bundles.
 */
@Component(service = PurchaseStore.class, configurationPid = JpaPurchaseStore.PID)
@Designate(ocd = DatabaseConfiguration.class)
public final class JpaPurchaseStore implements PurchaseStore {

    static final String PID = "org.moneytree.persistence";
    private static final Pattern DATASET_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int PAGE = 50_000;

    private final EntityManagerFactory factory;
    private final Database database;
    private final DatasetLocks locks;
    private final LoadSettings loadSettings;

    @Activate
    public JpaPurchaseStore(BundleContext context, DatabaseConfiguration configuration,
            @Reference(name = "dataSourceFactory", service = DataSourceFactory.class)
            List<Map.Entry<Map<String, Object>, DataSourceFactory>> drivers) throws Exception {
        database = Database.open(context, configuration, drivers);
        SchemaMigrations.migrate(database.dataSource(), database.description());
        locks = new DatasetLocks(database.postgresql());
        loadSettings = LoadSettings.from(context);
        removeLeftovers();
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, database.dataSource());
        properties.put(PersistenceUnitProperties.CLASSLOADER, JpaPurchaseStore.class.getClassLoader());
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
    }

    @Override
    public PurchaseLoad openLoad(String dataset) {
        requireDatasetName(dataset);
        return new JdbcPurchaseLoad(database.dataSource(), database.postgresql(), locks, loadSettings, dataset);
    }

    /**
     * Removes what killed or failed loads left behind, so that their rows do not take up the disk until the
     * dataset's next load. Datasets that a load in another process holds are left to that load. Only a
     * couple of index probes per dataset when there is nothing to remove.
     */
    private void removeLeftovers() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            List<String> names = new ArrayList<>();
            try (Statement query = connection.createStatement();
                    ResultSet result = query.executeQuery("SELECT NAME FROM MT_DATASET")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            connection.commit();
            for (String name : names) {
                try (DatasetLocks.Held held = locks.tryLock(connection, name)) {
                    if (held != null) {
                        Generations.removeLeftovers(connection, name, loadSettings.batchRows());
                        connection.commit();
                    }
                }
            }
        }
    }

    @Override
    public void forEachPurchase(String dataset, Consumer<Purchase> sink) {
        EntityManager manager = factory.createEntityManager();
        try {
            Long generation = visibleGeneration(manager, dataset);
            if (generation == null) {
                return;
            }
            long lastId = -1;
            while (true) {
                List<Object[]> rows = manager.createQuery("select p.id, p.customerId, p.purchaseDate, p.orderId,"
                        + " p.product, p.category, p.quantity, p.revenue, p.costOfGoods from PurchaseEntity p"
                        + " where p.dataset = :dataset and p.generation = :generation and p.id > :lastId"
                        + " order by p.id", Object[].class)
                        .setParameter("dataset", dataset).setParameter("generation", generation)
                        .setParameter("lastId", lastId)
                        .setMaxResults(PAGE).getResultList();
                for (Object[] row : rows) {
                    sink.accept(new Purchase((String) row[1], (LocalDate) row[2], (String) row[3], (String) row[4],
                            (String) row[5], (BigDecimal) row[6], (BigDecimal) row[7], (BigDecimal) row[8]));
                }
                if (rows.size() < PAGE) {
                    return;
                }
                lastId = (Long) rows.get(rows.size() - 1)[0];
                manager.clear();
            }
        } finally {
            manager.close();
        }
    }

    @Override
    public long purchaseCount(String dataset) {
        EntityManager manager = factory.createEntityManager();
        try {
            Long generation = visibleGeneration(manager, dataset);
            return generation == null ? 0 : manager.createQuery("select count(p) from PurchaseEntity p"
                    + " where p.dataset = :dataset and p.generation = :generation", Long.class)
                    .setParameter("dataset", dataset).setParameter("generation", generation).getSingleResult();
        } finally {
            manager.close();
        }
    }

    @Override
    public List<String> datasets() {
        EntityManager manager = factory.createEntityManager();
        try {
            // A dataset without a visible generation is one whose first load has not finished.
            return manager.createQuery("select d.name from DatasetEntity d where d.generation is not null"
                    + " order by d.name", String.class).getResultList();
        } finally {
            manager.close();
        }
    }

    /**
     * The generation readers see, read once per read: a load that publishes meanwhile does not mix its rows
     * into a read that has started.
     */
    private static Long visibleGeneration(EntityManager manager, String dataset) {
        List<Long> found = manager.createQuery("select d.generation from DatasetEntity d where d.name = :dataset",
                Long.class).setParameter("dataset", dataset).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static void requireDatasetName(String dataset) {
        if (dataset == null || !DATASET_NAME.matcher(dataset).matches()) {
            throw new IllegalArgumentException("dataset name '" + dataset
                    + "' is not allowed: use 1 to 100 letters, digits, '.', '_' or '-'");
        }
    }
}
