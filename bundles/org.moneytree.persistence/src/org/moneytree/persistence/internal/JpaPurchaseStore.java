package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    @Activate
    public JpaPurchaseStore(BundleContext context, DatabaseConfiguration configuration,
            @Reference(name = "dataSourceFactory", service = DataSourceFactory.class)
            List<Map.Entry<Map<String, Object>, DataSourceFactory>> drivers) throws Exception {
        database = Database.open(context, configuration, drivers);
        SchemaMigrations.migrate(database.dataSource(), database.description());
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
        return new JdbcPurchaseLoad(database.dataSource(), dataset);
    }

    @Override
    public void forEachPurchase(String dataset, Consumer<Purchase> sink) {
        EntityManager manager = factory.createEntityManager();
        try {
            long lastId = -1;
            while (true) {
                List<Object[]> rows = manager.createQuery("select p.id, p.customerId, p.purchaseDate, p.orderId,"
                        + " p.product, p.category, p.quantity, p.revenue, p.costOfGoods from PurchaseEntity p"
                        + " where p.dataset = :dataset and p.id > :lastId order by p.id", Object[].class)
                        .setParameter("dataset", dataset).setParameter("lastId", lastId)
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
            return manager.createQuery("select count(p) from PurchaseEntity p where p.dataset = :dataset", Long.class)
                    .setParameter("dataset", dataset).getSingleResult();
        } finally {
            manager.close();
        }
    }

    @Override
    public List<String> datasets() {
        EntityManager manager = factory.createEntityManager();
        try {
            return manager.createQuery("select d.name from DatasetEntity d order by d.name", String.class)
                    .getResultList();
        } finally {
            manager.close();
        }
    }

    private static void requireDatasetName(String dataset) {
        if (dataset == null || !DATASET_NAME.matcher(dataset).matches()) {
            throw new IllegalArgumentException("dataset name '" + dataset
                    + "' is not allowed: use 1 to 100 letters, digits, '.', '_' or '-'");
        }
    }
}
