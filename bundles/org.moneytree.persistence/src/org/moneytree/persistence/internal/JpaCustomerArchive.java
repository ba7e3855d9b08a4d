package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import org.moneytree.api.archive.AccountRecord;
import org.moneytree.api.archive.ArchiveLoad;
import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.Contact;
import org.moneytree.api.archive.Contract;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.Expectation;
import org.moneytree.api.archive.Interaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

/** The key-account archive in the workspace database, with EclipseLink JPA. */
@Component(service = CustomerArchive.class)
public final class JpaCustomerArchive implements CustomerArchive {

    private static final int PAGE = 10_000;
    /** Parents asked for in one query of a group's next level: well within every database's limit of parameters. */
    private static final int PARENTS_PER_QUERY = 500;

    private final EntityManagerFactory factory;

    @Activate
    public JpaCustomerArchive(@Reference WorkspaceDatabase database) {
        this.factory = database.factory();
    }

    @Override
    public <R extends ArchiveRecord> ArchiveLoad<R> openLoad(String dataset, Class<R> type) {
        WorkspaceDatabase.requireDatasetName(dataset);
        return new JpaArchiveLoad<>(factory, dataset, type);
    }

    @Override
    public List<Customer> customers(String dataset) {
        return read(manager -> records(manager, Customer.class, dataset, null));
    }

    @Override
    public Set<String> customerIds(String dataset) {
        return read(manager -> new TreeSet<>(manager.createQuery("select c.customerId from CustomerEntity c"
                + " where c.dataset = :dataset", String.class).setParameter("dataset", dataset).getResultList()));
    }

    @Override
    public List<Customer> find(String dataset, String text, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // LIKE with the text's own wildcards escaped; the (DATASET, CUSTOMER_ID) index gives the order, so a
        // common text stops after the first rows and a rare one scans the dataset's rows without keeping them.
        String pattern = "%" + (text == null ? "" : text).toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return read(manager -> manager.createQuery("select c from CustomerEntity c where c.dataset = :dataset and"
                + " (lower(c.customerId) like :pattern escape '\\' or lower(c.name) like :pattern escape '\\')"
                + " order by c.customerId", CustomerEntity.class).setParameter("dataset", dataset)
                .setParameter("pattern", pattern).setMaxResults(limit).getResultList().stream()
                .map(CustomerEntity::toRecord).toList());
    }

    @Override
    public Optional<Customer> customer(String dataset, String customerId) {
        return read(manager -> records(manager, Customer.class, dataset, customerId).stream().findFirst());
    }

    @Override
    public List<String> group(String dataset, String customerId) {
        return read(manager -> {
            if (manager.createQuery("select count(c) from CustomerEntity c where c.dataset = :dataset and"
                    + " c.customerId = :customer", Long.class).setParameter("dataset", dataset)
                    .setParameter("customer", customerId).getSingleResult() == 0) {
                return List.of();
            }
            // Level by level through the (DATASET, PARENT_ID) index, so that a group costs its own size however
            // large the archive (reading every id and parent took seconds with a million customers); the set
            // guards against a cycle written around the API.
            Set<String> group = new LinkedHashSet<>(List.of(customerId));
            List<String> level = List.of(customerId);
            while (!level.isEmpty()) {
                Map<String, List<String>> children = new HashMap<>();
                for (int from = 0; from < level.size(); from += PARENTS_PER_QUERY) {
                    for (Object[] row : manager.createQuery("select c.parentId, c.customerId from CustomerEntity c"
                            + " where c.dataset = :dataset and c.parentId in :parents order by c.customerId",
                            Object[].class).setParameter("dataset", dataset)
                            .setParameter("parents", level.subList(from, Math.min(level.size(), from + PARENTS_PER_QUERY)))
                            .getResultList()) {
                        children.computeIfAbsent((String) row[0], parent -> new ArrayList<>()).add((String) row[1]);
                    }
                }
                List<String> next = new ArrayList<>();
                for (String parent : level) {
                    for (String child : children.getOrDefault(parent, List.of())) {
                        if (group.add(child)) {
                            next.add(child);
                        }
                    }
                }
                level = next;
            }
            return List.copyOf(group);
        });
    }

    @Override
    public Optional<AccountRecord> account(String dataset, String customerId) {
        return read(manager -> {
            List<Customer> customer = records(manager, Customer.class, dataset, customerId);
            if (customer.isEmpty()) {
                return Optional.empty();
            }
            List<String> subsidiaries = manager.createQuery("select c.customerId from CustomerEntity c where"
                    + " c.dataset = :dataset and c.parentId = :parent order by c.customerId", String.class)
                    .setParameter("dataset", dataset).setParameter("parent", customerId).getResultList();
            Map<String, BigDecimal> activityTotals = new LinkedHashMap<>();
            for (Object[] row : manager.createQuery("select a.type, sum(a.quantity) from ActivityEntity a where"
                    + " a.dataset = :dataset and a.customerId = :customer group by a.type order by a.type", Object[].class)
                    .setParameter("dataset", dataset).setParameter("customer", customerId).getResultList()) {
                activityTotals.put((String) row[0], ((BigDecimal) row[1]).stripTrailingZeros());
            }
            return Optional.of(new AccountRecord(customer.get(0), subsidiaries,
                    records(manager, Contact.class, dataset, customerId),
                    records(manager, Contract.class, dataset, customerId),
                    records(manager, Interaction.class, dataset, customerId),
                    records(manager, Expectation.class, dataset, customerId), activityTotals));
        });
    }

    @Override
    public <R extends ArchiveRecord> void forEach(String dataset, Class<R> type, Consumer<? super R> sink) {
        ArchiveKind<R, ArchiveEntity<R>> kind = ArchiveKind.of(type);
        read(manager -> {
            // Paged by id, so that memory stays flat however many records there are.
            long lastId = -1;
            while (true) {
                List<Object[]> page = manager.createQuery("select e.id, e from " + kind.entityName()
                        + " e where e.dataset = :dataset and e.id > :lastId order by e.id", Object[].class)
                        .setParameter("dataset", dataset).setParameter("lastId", lastId).setMaxResults(PAGE)
                        .getResultList();
                for (Object[] row : page) {
                    @SuppressWarnings("unchecked")
                    ArchiveEntity<R> entity = (ArchiveEntity<R>) row[1];
                    sink.accept(entity.toRecord());
                }
                if (page.size() < PAGE) {
                    return null;
                }
                lastId = (Long) page.get(page.size() - 1)[0];
                manager.clear();
            }
        });
    }

    @Override
    public long count(String dataset, Class<? extends ArchiveRecord> type) {
        return read(manager -> manager.createQuery("select count(e) from " + ArchiveKind.of(type).entityName()
                + " e where e.dataset = :dataset", Long.class).setParameter("dataset", dataset).getSingleResult());
    }

    private static <R extends ArchiveRecord> List<R> records(EntityManager manager, Class<R> type, String dataset,
            String customerId) {
        ArchiveKind<R, ArchiveEntity<R>> kind = ArchiveKind.of(type);
        var query = manager.createQuery("select e from " + kind.entityName() + " e where e.dataset = :dataset"
                + (customerId == null ? "" : " and e.customerId = :customer") + " order by " + kind.orderBy(),
                kind.entityType()).setParameter("dataset", dataset);
        if (customerId != null) {
            query.setParameter("customer", customerId);
        }
        return query.getResultList().stream().map(ArchiveEntity::toRecord).toList();
    }

    private <T> T read(Function<EntityManager, T> work) {
        EntityManager manager = factory.createEntityManager();
        try {
            return work.apply(manager);
        } catch (PersistenceException e) {
            throw new IllegalStateException("cannot read the archive: " + reason(e), e);
        } finally {
            manager.close();
        }
    }

    /** The database's own words for a failure, without EclipseLink's wrapping. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
