package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.purchase.PurchaseLoad;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Keeps purchases in the workspace database: bulk writes with JDBC ({@link JdbcPurchaseLoad}), reads with
 * EclipseLink JPA.
 */
@Component(service = PurchaseStore.class)
public final class JpaPurchaseStore implements PurchaseStore {

    private static final int PAGE = 50_000;

    private final WorkspaceDatabase database;
    private final EntityManagerFactory factory;
    private final DatasetLocks locks;
    private final LoadSettings loadSettings;

    @Activate
    public JpaPurchaseStore(BundleContext context, @Reference WorkspaceDatabase database) throws SQLException {
        this.database = database;
        this.factory = database.factory();
        locks = new DatasetLocks(database.postgresql());
        loadSettings = LoadSettings.from(context);
        removeLeftovers();
    }

    @Override
    public PurchaseLoad openLoad(String dataset) {
        WorkspaceDatabase.requireDatasetName(dataset);
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
            // A dataset without a visible generation is one whose first purchase load has not finished, or
            // one that has only archive records or tiers (analysed straight from a file) so far.
            @SuppressWarnings("unchecked")
            List<String> names = manager.createNativeQuery("SELECT d.NAME FROM MT_DATASET d WHERE d.GENERATION IS NOT NULL"
                    + " OR EXISTS (SELECT 1 FROM MT_CUSTOMER c WHERE c.DATASET = d.NAME)"
                    + " OR EXISTS (SELECT 1 FROM MT_TIER_RUN r WHERE r.DATASET = d.NAME AND r.STATE = 'current')"
                    + " ORDER BY d.NAME").getResultList();
            return names;
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
}
