package org.moneytree.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.moneytree.api.clv.FitDiagnostics;
import org.moneytree.api.clv.LifetimeFit;
import org.moneytree.api.clv.LifetimeFitStore;
import org.moneytree.api.clv.ModelFamily;
import org.moneytree.api.clv.ModelFit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lifetime-value fits in the workspace database (see {@code V6__lifetime_fits.sql}), with plain JDBC: one row
 * per fit, its calibration data in one binary value.
 */
@Component(service = LifetimeFitStore.class)
public final class JdbcLifetimeFits implements LifetimeFitStore {

    private static final String FIT_COLUMNS = "ID, DATASET, SECTOR, CALIBRATION_START, CALIBRATION_END, HOLDOUT_END,"
            + " TIME_UNIT_DAYS, FITTED_AT, FAMILY, CONVERGED, PROBLEM, LOG_LIKELIHOOD, PARAMETERS, STANDARD_ERRORS,"
            + " ITERATIONS, EVALUATIONS, STARTS, STARTS_AGREEING, CUSTOMERS, MILLIS, SPEND_CONVERGED, SPEND_PROBLEM,"
            + " SPEND_LOG_LIKELIHOOD, SPEND_PARAMETERS, SPEND_STANDARD_ERRORS, SPEND_ITERATIONS, SPEND_EVALUATIONS,"
            + " SPEND_STARTS, SPEND_STARTS_AGREEING, SPEND_CUSTOMERS, SPEND_MILLIS";
    private static final int PROBLEM_LENGTH = 2000;

    private final DataSource dataSource;
    private final boolean postgresql;

    @Activate
    public JdbcLifetimeFits(@Reference WorkspaceDatabase database) {
        this(database.dataSource(), database.postgresql());
    }

    JdbcLifetimeFits(DataSource dataSource, boolean postgresql) {
        this.dataSource = dataSource;
        this.postgresql = postgresql;
    }

    @Override
    public LifetimeFit save(LifetimeFit fit, byte[] calibration) {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(calibration, "calibration");
        WorkspaceDatabase.requireDatasetName(fit.dataset());
        try (Connection connection = open()) {
            try {
                WorkspaceDatabase.createDataset(connection, fit.dataset());
                long id = nextId(connection);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO MT_CLV_FIT (" + FIT_COLUMNS
                        + ", CALIBRATION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setString(2, fit.dataset());
                    insert.setString(3, fit.sector());
                    insert.setObject(4, fit.calibrationStart());
                    insert.setObject(5, fit.calibrationEnd());
                    insert.setObject(6, fit.holdoutEnd());
                    insert.setDouble(7, fit.timeUnitDays());
                    insert.setObject(8, LocalDateTime.ofInstant(fit.fittedAt(), ZoneOffset.UTC));
                    insert.setString(9, fit.transactions().family().id());
                    setDiagnostics(insert, 10, fit.transactions().diagnostics(), false);
                    if (fit.spend() == null) {
                        for (int column = 21; column <= 31; column++) {
                            insert.setNull(column, typeOf(column));
                        }
                    } else {
                        setDiagnostics(insert, 21, fit.spend().diagnostics(), true);
                    }
                    insert.setBytes(32, calibration);
                    insert.executeUpdate();
                }
                connection.commit();
                return fit.withId(id);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the lifetime fit of dataset '" + fit.dataset() + "': "
                    + Failures.describe(e), e);
        }
    }

    /** The SQL type of a spend column, for NULLs (PostgreSQL insists on the right one). */
    private static int typeOf(int column) {
        return switch (column) {
            case 21 -> Types.BOOLEAN;
            case 22, 24, 25 -> Types.VARCHAR;
            case 23, 30 -> Types.DOUBLE;
            case 31 -> Types.BIGINT;
            default -> Types.INTEGER;
        };
    }

    private static void setDiagnostics(PreparedStatement insert, int first, FitDiagnostics diagnostics, boolean spend)
            throws SQLException {
        insert.setBoolean(first, diagnostics.converged());
        String problem = diagnostics.problem();
        insert.setString(first + 1, problem == null ? null
                : problem.length() > PROBLEM_LENGTH ? problem.substring(0, PROBLEM_LENGTH) : problem);
        insert.setDouble(first + 2, diagnostics.logLikelihood());
        insert.setString(first + 3, numbers(diagnostics.parameters()));
        insert.setString(first + 4, numbers(diagnostics.standardErrors()));
        insert.setInt(first + 5, diagnostics.iterations());
        insert.setInt(first + 6, diagnostics.evaluations());
        insert.setInt(first + 7, diagnostics.starts());
        insert.setInt(first + 8, diagnostics.startsAgreeing());
        insert.setDouble(first + 9, diagnostics.customers());
        insert.setLong(first + 10, diagnostics.millis());
    }

    private static String numbers(List<Double> values) {
        StringBuilder text = new StringBuilder();
        for (Double value : values) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(value);
        }
        return text.toString();
    }

    private static List<Double> parse(String text) {
        List<Double> values = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String value : text.trim().split(" ")) {
                values.add(Double.valueOf(value));
            }
        }
        return values;
    }

    @Override
    public List<LifetimeFit> fits(String dataset) {
        WorkspaceDatabase.requireDatasetName(dataset);
        try (Connection connection = open();
                PreparedStatement select = connection.prepareStatement("SELECT " + FIT_COLUMNS
                        + " FROM MT_CLV_FIT WHERE DATASET = ? ORDER BY ID")) {
            select.setString(1, dataset);
            List<LifetimeFit> fits = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    fits.add(fit(result));
                }
            }
            connection.commit();
            return fits;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the lifetime fits of dataset '" + dataset + "': "
                    + Failures.describe(e), e);
        }
    }

    private static LifetimeFit fit(ResultSet result) throws SQLException {
        ModelFamily family = ModelFamily.forId(result.getString(9));
        ModelFit transactions = new ModelFit(family, diagnostics(result, 10));
        ModelFit spend = null;
        result.getBoolean(21);
        if (!result.wasNull()) {
            spend = new ModelFit(ModelFamily.GAMMA_GAMMA, diagnostics(result, 21));
        }
        return new LifetimeFit(result.getLong(1), result.getString(2), result.getString(3),
                result.getObject(4, LocalDate.class), result.getObject(5, LocalDate.class),
                result.getObject(6, LocalDate.class), result.getDouble(7),
                result.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC), transactions, spend);
    }

    private static FitDiagnostics diagnostics(ResultSet result, int first) throws SQLException {
        return new FitDiagnostics(result.getBoolean(first), result.getString(first + 1), result.getDouble(first + 2),
                parse(result.getString(first + 3)), parse(result.getString(first + 4)), result.getInt(first + 5),
                result.getInt(first + 6), result.getInt(first + 7), result.getInt(first + 8),
                result.getDouble(first + 9), result.getLong(first + 10));
    }

    @Override
    public Optional<byte[]> calibration(long fitId) {
        try (Connection connection = open();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT CALIBRATION FROM MT_CLV_FIT WHERE ID = ?")) {
            select.setLong(1, fitId);
            try (ResultSet result = select.executeQuery()) {
                Optional<byte[]> bytes = result.next() ? Optional.of(result.getBytes(1)) : Optional.empty();
                connection.commit();
                return bytes;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the calibration data of lifetime fit " + fitId + ": "
                    + Failures.describe(e), e);
        }
    }

    private long nextId(Connection connection) throws SQLException {
        String sql = postgresql ? "SELECT nextval('MT_CLV_FIT_ID')" : "SELECT NEXT VALUE FOR MT_CLV_FIT_ID";
        try (PreparedStatement next = connection.prepareStatement(sql); ResultSet result = next.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private Connection open() throws SQLException {
        return WorkspaceDatabase.manualCommit(dataSource);
    }
}
