package org.moneytree.persistence.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierColumns;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierOverride;
import org.moneytree.api.tier.TierRun;
import org.moneytree.api.tier.TieringResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tier history in the workspace database (see {@code V4__tier_history.sql} and
 * {@code V7__tier_blocks.sql}), with plain JDBC: a period's run of a million customers is a few hundred blocks
 * of {@link TierBlock#CUSTOMERS} customers in customer id order, each one binary value, which H2 and PostgreSQL
 * write, read and remove in a fraction of the time a million rows took (see docs/architecture.md).
 *
 * <p>A save writes the run's blocks under a new run id that no reader looks at, in committed batches, then
 * makes it the period's current run and the earlier one replaced in one short transaction, and removes the
 * replaced run last. Readers therefore see the old run or the new one, never a mix, and no transaction grows
 * with the run. Saves of one dataset take turns on the dataset's tier lock ({@link DatasetLocks} of the kind
 * {@code tiers}, independent of purchase loads); what a failed or killed save left is removed by the dataset's
 * next save, or at the next start. Runs saved before version 7 keep one {@code MT_TIER} row per customer
 * ({@code LAYOUT} {@code rows}); they are read as before and removed when replaced.
 *
 * <p>Reads run in one snapshot (repeatable read on PostgreSQL, snapshot isolation on H2), so that a save that
 * publishes and removes rows meanwhile does not change what a started read returns.
 */
@Component(service = TierHistory.class)
public final class JdbcTierHistory implements TierHistory {

    /** A run's rows are keys {@code runId * RUN_SPAN + position}: room for 2^32 customers per run. */
    private static final long RUN_SPAN = 1L << 32;

    /** Rows per JDBC batch and, on H2, per committed transaction while a run is written. */
    private static final int WRITE_BATCH = 10_000;

    /**
     * Rows per committed transaction when H2 removes a run: deleting is much faster in small transactions (a
     * million rows took about 2.5 s in slices of 2,000, 5 s in slices of 50,000, 9 s in one transaction).
     */
    private static final int REMOVE_SLICE = 2_000;

    /** Rows per fetch when a run is read. */
    private static final int FETCH = 10_000;

    private static final int CUSTOMER_ID_LENGTH = 200;
    private static final int REASON_LENGTH = 2000;
    private static final int AUTHOR_LENGTH = 200;

    private static final String CURRENT = "current";
    private static final String WRITING = "writing";
    private static final String REPLACED = "replaced";

    /** How a run's customers are kept: one MT_TIER row each (runs saved before version 7), or in blocks. */
    private static final String ROWS = "rows";
    private static final String BLOCKS = "blocks";

    private static final String RUN_COLUMNS = "ID, PERIOD_ID, SCHEME, COST_MODEL, RAN_AT, CUSTOMERS";
    private static final String TIER_COLUMNS = "CUSTOMER_ID, COMPUTED_TIER, SCORE, REVENUE, NET_PROFIT, REASON";
    private static final String OVERRIDE_COLUMNS = "PERIOD_ID, CUSTOMER_ID, TIER, REASON, AUTHOR, DECIDED_AT";


    private final DataSource dataSource;
    private final boolean postgresql;
    private final DatasetLocks locks;

    @Activate
    public JdbcTierHistory(@Reference WorkspaceDatabase database) {
        this(database.dataSource(), database.postgresql());
    }

    JdbcTierHistory(DataSource dataSource, boolean postgresql) {
        this.dataSource = dataSource;
        this.postgresql = postgresql;
        this.locks = new DatasetLocks(postgresql, "tiers");
        removeLeftovers();
    }

    @Override
    public TierRun save(String dataset, TieringResult result) {
        WorkspaceDatabase.requireDatasetName(dataset);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(result.scheme(), "result.scheme");
        Run run = Run.of(result);
        TierRun stored = new TierRun(run.report().period(), result.scheme().id(), run.report().costModel(), now(),
                run.size());
        try (Connection connection = open(); DatasetLocks.Held held = locks.lock(connection, dataset)) {
            removeUnpublished(connection, dataset);
            createDataset(connection, dataset);
            long runId = nextRunId(connection);
            insertRun(connection, runId, dataset, stored);
            connection.commit();
            try {
                writeTiers(connection, runId, run);
                publish(connection, runId, dataset, stored.period());
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                    removeRun(connection, runId, run.size(), BLOCKS);
                } catch (SQLException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            try {
                removeUnpublished(connection, dataset);
            } catch (SQLException e) {
                // The new run is stored; the replaced rows are invisible and the next save or start removes them.
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the tiers of " + stored.period() + " in dataset '" + dataset
                    + "': " + Failures.describe(e), e);
        }
    }

    @Override
    public List<TierRun> runs(String dataset) {
        return read("the tier runs of dataset '" + dataset + "'",
                connection -> currentRuns(connection, dataset).stream().map(StoredRun::run).toList());
    }

    @Override
    public List<StoredTier> tiers(String dataset, Period period) {
        Objects.requireNonNull(period, "period");
        return read("the tiers of " + period + " in dataset '" + dataset + "'", connection -> {
            StoredRun run = currentRuns(connection, dataset).stream()
                    .filter(candidate -> candidate.run().period().equals(period)).findFirst().orElse(null);
            if (run == null) {
                return List.of();
            }
            Map<String, TierOverride> overrides = new HashMap<>();
            for (TierOverride override : readOverrides(connection, "DATASET = ? AND PERIOD_ID = ?", dataset,
                    period.id())) {
                overrides.put(override.customerId(), override);
            }
            List<StoredTier> tiers = new ArrayList<>(run.run().customers());
            if (BLOCKS.equals(run.layout())) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT DATA FROM MT_TIER_BLOCK_DATA WHERE RUN_ID = ? ORDER BY BLOCK_NO")) {
                    query.setFetchSize(4);
                    query.setLong(1, run.id());
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            TierBlock block = TierBlock.decode(rows.getBytes(1));
                            for (int index = 0; index < block.size(); index++) {
                                tiers.add(storedTier(period, block, index, overrides.get(block.customerIds[index])));
                            }
                        }
                    }
                }
                return tiers;
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT " + TIER_COLUMNS
                    + " FROM MT_TIER WHERE ROW_KEY >= ? AND ROW_KEY < ? ORDER BY ROW_KEY")) {
                query.setFetchSize(FETCH);
                query.setLong(1, run.id() * RUN_SPAN);
                query.setLong(2, (run.id() + 1) * RUN_SPAN);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        tiers.add(storedTier(period, rows, overrides.get(rows.getString(1))));
                    }
                }
            }
            return tiers;
        });
    }

    @Override
    public List<StoredTier> history(String dataset, String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return read("the tier history of customer '" + customerId + "' in dataset '" + dataset + "'", connection -> {
            Map<String, TierOverride> overrides = new HashMap<>();
            for (TierOverride override : readOverrides(connection, "DATASET = ? AND CUSTOMER_ID = ?", dataset,
                    customerId)) {
                overrides.put(override.period().id(), override);
            }
            List<StoredTier> history = new ArrayList<>();
            try (PreparedStatement probe = connection.prepareStatement("SELECT " + TIER_COLUMNS
                    + " FROM MT_TIER WHERE ROW_KEY = ?")) {
                for (StoredRun run : currentRuns(connection, dataset)) {
                    TierOverride override = overrides.get(run.run().period().id());
                    StoredTier found = BLOCKS.equals(run.layout()) ? findInBlocks(connection, run, customerId, override)
                            : find(probe, run, customerId, override);
                    if (found != null) {
                        history.add(found);
                    }
                }
            }
            return history;
        });
    }

    @Override
    public TierOverride override(String dataset, Period period, String customerId, Tier tier, String reason,
            String author) {
        WorkspaceDatabase.requireDatasetName(dataset);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        TierOverride override = new TierOverride(period, customerId, tier, reason, author, now());
        requireLength("customer id", customerId, CUSTOMER_ID_LENGTH);
        requireLength("reason", reason, REASON_LENGTH);
        requireLength("author", author, AUTHOR_LENGTH);
        try (Connection connection = open(); DatasetLocks.Held held = locks.lock(connection, dataset)) {
            if (!datasetExists(connection, dataset)) {
                throw new IllegalArgumentException("dataset '" + dataset + "' does not exist; import its purchases"
                        + " or save a tiering of it before overriding a tier");
            }
            int updated;
            try (PreparedStatement update = connection.prepareStatement("UPDATE MT_TIER_OVERRIDE SET TIER = ?,"
                    + " REASON = ?, AUTHOR = ?, DECIDED_AT = ? WHERE DATASET = ? AND PERIOD_ID = ? AND CUSTOMER_ID = ?")) {
                update.setString(1, tier.id());
                update.setString(2, reason);
                update.setString(3, author);
                update.setObject(4, utc(override.decidedAt()));
                update.setString(5, dataset);
                update.setString(6, period.id());
                update.setString(7, customerId);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO MT_TIER_OVERRIDE (DATASET, "
                        + OVERRIDE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, dataset);
                    insert.setString(2, period.id());
                    insert.setString(3, customerId);
                    insert.setString(4, tier.id());
                    insert.setString(5, reason);
                    insert.setString(6, author);
                    insert.setObject(7, utc(override.decidedAt()));
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return override;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the override of customer '" + customerId + "' in " + period
                    + ": " + Failures.describe(e), e);
        }
    }

    @Override
    public boolean removeOverride(String dataset, Period period, String customerId) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(customerId, "customerId");
        try (Connection connection = open()) {
            int removed;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM MT_TIER_OVERRIDE WHERE DATASET = ? AND PERIOD_ID = ? AND CUSTOMER_ID = ?")) {
                delete.setString(1, dataset);
                delete.setString(2, period.id());
                delete.setString(3, customerId);
                removed = delete.executeUpdate();
            }
            connection.commit();
            return removed > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the override of customer '" + customerId + "' in " + period
                    + ": " + Failures.describe(e), e);
        }
    }

    @Override
    public List<TierOverride> overrides(String dataset) {
        return read("the tier overrides of dataset '" + dataset + "'", connection -> {
            List<TierOverride> overrides = readOverrides(connection, "DATASET = ?", dataset, null);
            overrides.sort(Comparator.comparing(TierOverride::period).thenComparing(TierOverride::customerId));
            return overrides;
        });
    }

    // --- saving ---

    /**
     * A tiering to store: the report's customers with their assignments, checked to belong together, and the
     * order in which they are written (by customer id, as the report should already have them).
     */
    private record Run(ProfitReport report, CustomerFigures figures, Scores scores, List<TierAssignment> assignments,
            int[] order) {

        static Run of(TieringResult result) {
            Scores scores = Objects.requireNonNull(result.scores(), "result.scores");
            ProfitReport report = scores.report();
            CustomerFigures customers = report.figures();
            List<TierAssignment> assignments = result.assignments();
            if (assignments.size() != customers.size()) {
                throw new IllegalArgumentException("the tiering has " + assignments.size() + " assignments for "
                        + customers.size() + " customers");
            }
            // columns over the report's own figures are for its customers, in its order, by construction
            boolean columns = TierColumns.over(assignments, customers) != null;
            boolean sorted = true;
            for (int i = 0; i < customers.size(); i++) {
                String id = customers.customerId(i);
                if (!columns && !id.equals(assignments.get(i).customerId())) {
                    throw new IllegalArgumentException("assignment " + (i + 1) + " is for customer '"
                            + assignments.get(i).customerId() + "', but customer " + (i + 1) + " of the report is '"
                            + id + "': assignments must be in the order of the report's customers");
                }
                requireLength("customer id", id, CUSTOMER_ID_LENGTH);
                sorted &= i == 0 || customers.customerId(i - 1).compareTo(id) < 0;
            }
            int[] order = null;
            if (!sorted) {
                Integer[] byId = new Integer[customers.size()];
                for (int i = 0; i < byId.length; i++) {
                    byId[i] = i;
                }
                java.util.Arrays.sort(byId, Comparator.comparing(customers::customerId));
                order = new int[byId.length];
                for (int position = 0; position < byId.length; position++) {
                    order[position] = byId[position];
                    if (position > 0 && customers.customerId(byId[position - 1])
                            .equals(customers.customerId(byId[position]))) {
                        throw new IllegalArgumentException("customer '" + customers.customerId(byId[position])
                                + "' appears twice in the tiering");
                    }
                }
            }
            return new Run(report, customers, scores, assignments, order);
        }

        int size() {
            return assignments.size();
        }

        /** The index in the report of the customer at {@code position} in customer id order. */
        int index(int position) {
            return order == null ? position : order[position];
        }
    }

    /**
     * Writes the run in blocks of {@link TierBlock#CUSTOMERS} customers, in customer id order, committing every
     * few blocks: the run is not visible yet, and H2's transaction stays small.
     */
    private static void writeTiers(Connection connection, long runId, Run run) throws SQLException {
        TierBlock.Bytes bytes = new TierBlock.Bytes();
        try (PreparedStatement block = connection.prepareStatement("INSERT INTO MT_TIER_BLOCK (RUN_ID, BLOCK_NO,"
                + " FIRST_CUSTOMER, CUSTOMERS) VALUES (?, ?, ?, ?)");
                PreparedStatement data = connection.prepareStatement(
                        "INSERT INTO MT_TIER_BLOCK_DATA (RUN_ID, BLOCK_NO, DATA) VALUES (?, ?, ?)")) {
            int number = 0;
            TierColumns columns = TierColumns.over(run.assignments(), run.figures());
            TierBlock.ReasonBytes reasons = new TierBlock.ReasonBytes();
            for (int start = 0; start < run.size(); start += TierBlock.CUSTOMERS) {
                TierBlock tiers = new TierBlock(Math.min(TierBlock.CUSTOMERS, run.size() - start));
                reasons.clear();
                for (int offset = 0; offset < tiers.size(); offset++) {
                    int index = run.index(start + offset);
                    tiers.customerIds[offset] = run.figures().customerId(index);
                    if (columns != null) {
                        // the tier and the reason's bytes alone: no assignment record nor String made for them
                        tiers.tiers[offset] = columns.tier(index);
                        reasons.add(columns, index);
                        if (reasons.lastLength() > REASON_LENGTH) {
                            // perhaps more characters than are kept: cut as the text is cut
                            reasons.removeLast();
                            reasons.add(reason(columns.reason(index)).getBytes(StandardCharsets.UTF_8));
                        }
                    } else {
                        TierAssignment assignment = run.assignments().get(index);
                        tiers.tiers[offset] = assignment.tier();
                        reasons.add(reason(assignment.reason()).getBytes(StandardCharsets.UTF_8));
                    }
                    tiers.scores[offset] = run.scores().score(index);
                    tiers.revenueCents[offset] = run.figures().revenueCents(index);
                    tiers.netProfitCents[offset] = run.figures().netProfitCents(index);
                }
                block.setLong(1, runId);
                block.setInt(2, number);
                block.setString(3, tiers.customerIds[0]);
                block.setInt(4, tiers.size());
                block.addBatch();
                data.setLong(1, runId);
                data.setInt(2, number);
                data.setBytes(3, tiers.encode(bytes, reasons));
                data.executeUpdate();
                number++;
                if (number % 16 == 0) {
                    block.executeBatch();
                    connection.commit();
                }
            }
            block.executeBatch();
        }
        connection.commit();
    }

    private long nextRunId(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery(postgresql
                ? "SELECT nextval('MT_TIER_RUN_ID')" : "SELECT NEXT VALUE FOR MT_TIER_RUN_ID")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void insertRun(Connection connection, long runId, String dataset, TierRun run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO MT_TIER_RUN (" + RUN_COLUMNS
                + ", DATASET, STATE, LAYOUT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, runId);
            insert.setString(2, run.period().id());
            insert.setString(3, run.scheme());
            insert.setString(4, run.costModel());
            insert.setObject(5, utc(run.ranAt()));
            insert.setInt(6, run.customers());
            insert.setString(7, dataset);
            insert.setString(8, WRITING);
            insert.setString(9, BLOCKS);
            insert.executeUpdate();
        }
    }

    /** Makes the run the period's current one, and the one it replaces invisible, in one transaction. */
    private static void publish(Connection connection, long runId, String dataset, Period period) throws SQLException {
        try (PreparedStatement replace = connection.prepareStatement("UPDATE MT_TIER_RUN SET STATE = ?"
                + " WHERE DATASET = ? AND PERIOD_ID = ? AND STATE = ?")) {
            replace.setString(1, REPLACED);
            replace.setString(2, dataset);
            replace.setString(3, period.id());
            replace.setString(4, CURRENT);
            replace.executeUpdate();
        }
        try (PreparedStatement current = connection.prepareStatement("UPDATE MT_TIER_RUN SET STATE = ? WHERE ID = ?")) {
            current.setString(1, CURRENT);
            current.setLong(2, runId);
            current.executeUpdate();
        }
        connection.commit();
    }

    private static void createDataset(Connection connection, String dataset) throws SQLException {
        WorkspaceDatabase.createDataset(connection, dataset);
        connection.commit();
    }

    private static boolean datasetExists(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM MT_DATASET WHERE NAME = ?")) {
            query.setString(1, dataset);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    // --- removing ---

    /**
     * Removes the rows of every run of the dataset that is not current: replaced ones, and what failed or
     * killed saves left. The caller holds the dataset's tier lock, so no save of it is writing now.
     */
    private void removeUnpublished(Connection connection, String dataset) throws SQLException {
        List<long[]> runs = new ArrayList<>();
        List<String> layouts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT ID, CUSTOMERS, LAYOUT FROM MT_TIER_RUN WHERE DATASET = ? AND STATE <> ?")) {
            query.setString(1, dataset);
            query.setString(2, CURRENT);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    runs.add(new long[] { result.getLong(1), result.getInt(2) });
                    layouts.add(result.getString(3));
                }
            }
        }
        connection.commit();
        for (int run = 0; run < runs.size(); run++) {
            removeRun(connection, runs.get(run)[0], (int) runs.get(run)[1], layouts.get(run));
        }
    }

    /**
     * Removes a run's rows, then the run. On H2 in committed slices, which is several times faster than one
     * large transaction there; PostgreSQL deletes a million rows in one statement in well under a second.
     */
    private void removeRun(Connection connection, long runId, int customers, String layout) throws SQLException {
        if (BLOCKS.equals(layout)) {
            // a few hundred rows per million customers: one statement each on both databases
            for (String table : new String[] { "MT_TIER_BLOCK_DATA", "MT_TIER_BLOCK" }) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE RUN_ID = ?")) {
                    delete.setLong(1, runId);
                    delete.executeUpdate();
                }
                connection.commit();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM MT_TIER_RUN WHERE ID = ?")) {
                delete.setLong(1, runId);
                delete.executeUpdate();
            }
            connection.commit();
            return;
        }
        long first = runId * RUN_SPAN;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM MT_TIER WHERE ROW_KEY >= ? AND ROW_KEY < ?")) {
            if (!postgresql) {
                for (long from = first; from < first + customers; from += REMOVE_SLICE) {
                    delete.setLong(1, from);
                    delete.setLong(2, from + REMOVE_SLICE);
                    delete.executeUpdate();
                    connection.commit();
                }
            }
            // Whatever is left of the run's range (all of it on PostgreSQL): a quick probe when it is empty.
            delete.setLong(1, first);
            delete.setLong(2, first + RUN_SPAN);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM MT_TIER_RUN WHERE ID = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
        connection.commit();
    }

    /**
     * Removes, at start, what failed or killed saves and interrupted removals left behind, so that it does not
     * take up the disk until the dataset's next save. Datasets a save in another process holds are left to it.
     */
    private void removeLeftovers() {
        try (Connection connection = open()) {
            List<String> datasets = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT DISTINCT DATASET FROM MT_TIER_RUN WHERE STATE <> ?")) {
                query.setString(1, CURRENT);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        datasets.add(result.getString(1));
                    }
                }
            }
            connection.commit();
            for (String dataset : datasets) {
                try (DatasetLocks.Held held = locks.tryLock(connection, dataset)) {
                    if (held != null) {
                        removeUnpublished(connection, dataset);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tidy up the tier history: " + Failures.describe(e), e);
        }
    }

    // --- reading ---

    /** A current run with its id. */
    private record StoredRun(long id, TierRun run, String layout) {
    }

    /** The dataset's current runs, in time order of their periods; the latest when a period had two. */
    private static List<StoredRun> currentRuns(Connection connection, String dataset) throws SQLException {
        Map<Period, StoredRun> byPeriod = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + RUN_COLUMNS
                + ", LAYOUT FROM MT_TIER_RUN WHERE DATASET = ? AND STATE = ? ORDER BY ID")) {
            query.setString(1, dataset);
            query.setString(2, CURRENT);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Period period = Period.parse(result.getString(2));
                    byPeriod.put(period, new StoredRun(result.getLong(1), new TierRun(period, result.getString(3),
                            result.getString(4), instant(result, 5), result.getInt(6)), result.getString(7)));
                }
            }
        }
        List<StoredRun> runs = new ArrayList<>(byPeriod.values());
        runs.sort(Comparator.comparing(run -> run.run().period()));
        return runs;
    }

    /**
     * A customer's row in a run, found by bisecting the run's positions: the customers are numbered in the
     * order of their ids, and the table has no index by customer (see {@code V4__tier_history.sql}).
     */
    private static StoredTier find(PreparedStatement probe, StoredRun run, String customerId, TierOverride override)
            throws SQLException {
        int low = 0;
        int high = run.run().customers() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            probe.setLong(1, run.id() * RUN_SPAN + middle);
            try (ResultSet row = probe.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the tier run of " + run.run().period() + " lacks row " + middle);
                }
                int order = row.getString(1).compareTo(customerId);
                if (order < 0) {
                    low = middle + 1;
                } else if (order > 0) {
                    high = middle - 1;
                } else {
                    return storedTier(run.run().period(), row, override);
                }
            }
        }
        return null;
    }

    /**
     * A customer's entry in a run kept in blocks: the block that can hold it, by bisecting the blocks' first
     * customers (a few hundred short rows per million customers, compared in Java's String order), then that
     * block read and searched.
     */
    private static StoredTier findInBlocks(Connection connection, StoredRun run, String customerId,
            TierOverride override) throws SQLException {
        int found = -1;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT BLOCK_NO, FIRST_CUSTOMER FROM MT_TIER_BLOCK WHERE RUN_ID = ?")) {
            query.setLong(1, run.id());
            String best = null;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String first = rows.getString(2);
                    if (first.compareTo(customerId) <= 0 && (best == null || first.compareTo(best) > 0)) {
                        best = first;
                        found = rows.getInt(1);
                    }
                }
            }
        }
        if (found < 0) {
            return null;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DATA FROM MT_TIER_BLOCK_DATA WHERE RUN_ID = ? AND BLOCK_NO = ?")) {
            query.setLong(1, run.id());
            query.setInt(2, found);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the tier run of " + run.run().period() + " lacks block " + found);
                }
                TierBlock entry = TierBlock.find(row.getBytes(1), customerId);
                return entry == null ? null : storedTier(run.run().period(), entry, 0, override);
            }
        }
    }

    private static StoredTier storedTier(Period period, TierBlock block, int index, TierOverride override) {
        Tier computed = block.tiers[index];
        return new StoredTier(period, block.customerIds[index], override != null ? override.tier() : computed,
                computed, block.scores[index], block.revenue(index), block.netProfit(index), block.reasons[index],
                override);
    }

    private static StoredTier storedTier(Period period, ResultSet row, TierOverride override) throws SQLException {
        Tier computed = tier(row.getString(2));
        return new StoredTier(period, row.getString(1), override != null ? override.tier() : computed, computed,
                row.getDouble(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getString(6), override);
    }

    private static List<TierOverride> readOverrides(Connection connection, String where, String dataset, String value)
            throws SQLException {
        List<TierOverride> overrides = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + OVERRIDE_COLUMNS
                + " FROM MT_TIER_OVERRIDE WHERE " + where)) {
            query.setString(1, dataset);
            if (value != null) {
                query.setString(2, value);
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    overrides.add(new TierOverride(Period.parse(result.getString(1)), result.getString(2),
                            tier(result.getString(3)), result.getString(4), result.getString(5), instant(result, 6)));
                }
            }
        }
        return overrides;
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Reads in one snapshot of the database. */
    private <T> T read(String what, Read<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (postgresql) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            } else {
                try (Statement snapshot = connection.createStatement()) {
                    snapshot.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                }
            }
            try {
                return work.apply(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + what + ": " + Failures.describe(e), e);
        }
    }

    private Connection open() throws SQLException {
        return WorkspaceDatabase.manualCommit(dataSource);
    }

    // --- values ---

    private static Tier tier(String id) {
        try {
            return Tier.forId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown tier '" + id + "' in the tier history", e);
        }
    }

    /** A scheme's reason, cut to what the table holds: an explanation for people, not worth failing a save. */
    private static String reason(String reason) {
        if (reason.length() <= REASON_LENGTH) {
            return reason;
        }
        int end = REASON_LENGTH - 1;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "…";
    }

    private static void requireLength(String what, String value, int length) {
        if (value.length() > length) {
            throw new IllegalArgumentException("the " + what + " '" + value.substring(0, 40) + "…' is longer than "
                    + length + " characters");
        }
    }

    /** Now, to the microsecond that both databases keep, so that what is returned is what is read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        return result.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
