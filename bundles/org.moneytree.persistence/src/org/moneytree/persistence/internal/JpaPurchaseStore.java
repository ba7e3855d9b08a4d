package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.purchase.PurchaseLoad;
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

    @Activate
    public JpaPurchaseStore(@Reference WorkspaceDatabase database) {
        this.database = database;
        this.factory = database.factory();
    }

    @Override
    public PurchaseLoad openLoad(String dataset) {
        WorkspaceDatabase.requireDatasetName(dataset);
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
}
