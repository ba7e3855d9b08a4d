package org.moneytree.persistence.internal;

import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.moneytree.api.archive.ArchiveLoad;
import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.purchase.StoreResult;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

/**
 * An archive load in one JPA transaction. The dataset's stored records of the kind are read up front and
 * kept by record key, so that each incoming record is matched in memory and only new or changed ones are
 * written (in JDBC batches, see persistence.xml). That holds the kind's records of one dataset in memory,
 * which suits archive records (thousands to a few million per dataset); purchases, which run to tens of
 * millions, have their own set-based load.
 */
final class JpaArchiveLoad<R extends ArchiveRecord> implements ArchiveLoad<R> {

    private static final int FLUSH_EVERY = 5_000;

    private final String dataset;
    private final ArchiveKind<R, ArchiveEntity<R>> kind;
    private final EntityManager manager;
    private final Map<String, ArchiveEntity<R>> stored = new HashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Set<String> customerIds;
    private final MessageDigest digest = ArchiveKind.sha256();
    private long size;
    private long added;
    private long updated;
    private int pending;
    private boolean open = true;

    JpaArchiveLoad(EntityManagerFactory factory, String dataset, Class<R> type) {
        this.dataset = dataset;
        this.kind = ArchiveKind.of(type);
        this.manager = factory.createEntityManager();
        try {
            manager.getTransaction().begin();
            // First, so that the records' foreign keys find it when they are flushed; rolled back with the load.
            createDataset();
            for (ArchiveEntity<R> entity : manager.createQuery("select e from " + kind.entityName()
                    + " e where e.dataset = :dataset", kind.entityType()).setParameter("dataset", dataset).getResultList()) {
                stored.put(entity.recordKey(), entity);
            }
            customerIds = type == Customer.class ? Set.of() : new HashSet<>(manager.createQuery(
                    "select c.customerId from CustomerEntity c where c.dataset = :dataset", String.class)
                    .setParameter("dataset", dataset).getResultList());
        } catch (PersistenceException e) {
            close();
            throw new IllegalStateException("cannot start writing " + type.getSimpleName() + " records: "
                    + JpaCustomerArchive.reason(e), e);
        }
    }

    @Override
    public void add(R record) {
        requireOpen();
        if (!(record instanceof Customer) && !customerIds.contains(record.customerId())) {
            throw new IllegalArgumentException("customer '" + record.customerId() + "' is not in dataset '" + dataset
                    + "'; import the customers first");
        }
        size++;
        String key = kind.recordKey(record, digest, occurrences);
        ArchiveEntity<R> entity = stored.get(key);
        if (entity == null) {
            entity = kind.newEntity().get();
            entity.identify(dataset, key);
            entity.apply(record);
            manager.persist(entity);
            stored.put(key, entity);
            added++;
        } else if (!entity.toRecord().equals(kind.canonical(record))) {
            entity.apply(record);
            updated++;
        } else {
            return;
        }
        if (++pending == FLUSH_EVERY) {
            flush();
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public StoreResult commit() {
        requireOpen();
        try {
            if (kind.recordType() == Customer.class) {
                checkHierarchy();
            }
            manager.getTransaction().commit();
            return new StoreResult(dataset, size, added, updated, size - added - updated);
        } catch (PersistenceException e) {
            throw new IllegalStateException("cannot store the " + kind.recordType().getSimpleName() + " records: "
                    + JpaCustomerArchive.reason(e), e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            if (manager.getTransaction().isActive()) {
                manager.getTransaction().rollback();
            }
        } catch (PersistenceException e) {
            // The manager is going away; a failed rollback leaves nothing committed either.
        } finally {
            manager.close();
        }
    }

    /** Every parent named must be a customer of the dataset, and no account may be its own ancestor. */
    private void checkHierarchy() {
        Map<String, String> parentOf = new HashMap<>();
        for (ArchiveEntity<R> entity : stored.values()) {
            Customer customer = (Customer) entity.toRecord();
            parentOf.put(customer.id(), customer.parentId());
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : parentOf.entrySet()) {
            String parent = entry.getValue();
            if (parent != null && !parentOf.containsKey(parent)) {
                problems.add("customer '" + entry.getKey() + "' names parent '" + parent + "', which is not a customer");
            }
        }
        Set<String> reported = new HashSet<>();
        for (String start : parentOf.keySet()) {
            Set<String> path = new java.util.LinkedHashSet<>();
            String current = start;
            while (current != null && parentOf.containsKey(current) && path.add(current)) {
                current = parentOf.get(current);
            }
            if (current != null && path.contains(current) && reported.add(current)) {
                List<String> cycle = new ArrayList<>(path).subList(new ArrayList<>(path).indexOf(current), path.size());
                reported.addAll(cycle);
                problems.add("the parents of " + String.join(" → ", cycle) + " → " + current + " form a cycle");
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private void createDataset() {
        if (manager.find(DatasetEntity.class, dataset) == null) {
            manager.persist(new DatasetEntity(dataset, LocalDateTime.now(ZoneOffset.UTC)));
            manager.flush();
        }
    }

    private void flush() {
        manager.flush();
        pending = 0;
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("this archive load was committed or closed already");
        }
    }
}
