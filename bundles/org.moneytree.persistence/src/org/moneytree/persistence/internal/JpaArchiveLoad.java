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
 * An archive load in one JPA transaction. The dataset's stored records of the kind are read up front, a page
 * at a time, and kept only as their id and a fingerprint (a digest of their values) by record key, so each
 * incoming record is matched in memory and only new or changed ones are written: new ones in JDBC batches,
 * changed ones found by id and updated. The persistence context is flushed and cleared every few thousand
 * records, so neither memory nor EclipseLink's change detection grows with the load; what stays in memory
 * is about a hundred bytes per stored record.
 */
final class JpaArchiveLoad<R extends ArchiveRecord> implements ArchiveLoad<R> {

    private static final int FLUSH_EVERY = 5_000;

    private final String dataset;
    private final ArchiveKind<R, ArchiveEntity<R>> kind;
    private final EntityManager manager;
    private static final int PAGE = 10_000;

    /** By record key: the stored row's id and the fingerprint of its values. */
    private final Map<String, long[]> stored = new HashMap<>();
    /** Every customer's parent, when customers are loaded, for the hierarchy check. */
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    /** Entities persisted since the last flush, by key; their ids are read back at the flush. */
    private final Map<String, ArchiveEntity<R>> pendingByKey = new HashMap<>();
    private final Set<String> customerIds;
    private final MessageDigest digest = ArchiveKind.sha256();
    private final MessageDigest fingerprints = ArchiveKind.sha256();
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
            readStored();
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
        R canonical = kind.canonical(record);
        long fingerprint = fingerprint(canonical);
        long[] row = stored.get(key);
        if (row == null) {
            ArchiveEntity<R> entity = kind.newEntity().get();
            entity.identify(dataset, key);
            entity.apply(record);
            manager.persist(entity);
            // The id is known once the entity is written; a second record with this key in the same load
            // is matched by fingerprint and, if it differs, updated through the key's entity.
            stored.put(key, new long[] { -1, fingerprint });
            pendingByKey.put(key, entity);
            added++;
        } else if (row[1] != fingerprint) {
            ArchiveEntity<R> entity = row[0] < 0 ? pendingByKey.get(key) : manager.find(kind.entityType(), row[0]);
            entity.apply(record);
            row[1] = fingerprint;
            updated++;
        } else {
            return;
        }
        if (canonical instanceof Customer customer) {
            parentOf.put(customer.id(), customer.parentId());
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
        for (Map.Entry<String, ArchiveEntity<R>> entry : pendingByKey.entrySet()) {
            stored.get(entry.getKey())[0] = entry.getValue().id();
        }
        pendingByKey.clear();
        manager.clear();
        pending = 0;
    }

    private void readStored() {
        long lastId = -1;
        while (true) {
            List<ArchiveEntity<R>> page = manager.createQuery("select e from " + kind.entityName()
                    + " e where e.dataset = :dataset and e.id > :lastId order by e.id", kind.entityType())
                    .setParameter("dataset", dataset).setParameter("lastId", lastId).setMaxResults(PAGE)
                    .getResultList();
            for (ArchiveEntity<R> entity : page) {
                R record = entity.toRecord();
                stored.put(entity.recordKey(), new long[] { entity.id(), fingerprint(record) });
                if (record instanceof Customer customer) {
                    parentOf.put(customer.id(), customer.parentId());
                }
            }
            if (page.size() < PAGE) {
                manager.clear();
                return;
            }
            lastId = page.get(page.size() - 1).id();
            manager.clear();
        }
    }

    /** 64 bits of a digest of the record's values: equal values, equal fingerprint; a collision is negligible. */
    private long fingerprint(R record) {
        byte[] hash = fingerprints.digest(record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.wrap(hash).getLong();
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("this archive load was committed or closed already");
        }
    }
}
