package org.moneytree.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.moneytree.api.user.Role;
import org.moneytree.api.user.StoredUser;
import org.moneytree.api.user.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's users in the workspace database (see {@code V8__users.sql}), with plain JDBC: one row per user,
 * the role by its id, times in UTC. A name taken is told by the row count of a conditional insert rather than
 * by catching the primary key's violation, whose SQL state differs between the drivers. The times are cast in
 * that insert: PostgreSQL would otherwise take the selected parameters for text.
 */
@Component(service = UserStore.class)
public final class JdbcUsers implements UserStore {

    private static final String COLUMNS = "NAME, USER_ROLE, PASSWORD_HASH, CREATED_AT, LAST_LOGIN";

    private final DataSource dataSource;

    @Activate
    public JdbcUsers(@Reference WorkspaceDatabase database) {
        this(database.dataSource());
    }

    JdbcUsers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<StoredUser> find(String name) {
        Objects.requireNonNull(name, "name");
        try (Connection connection = open();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM MT_USER"
                        + " WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet result = select.executeQuery()) {
                Optional<StoredUser> user = result.next() ? Optional.of(user(result)) : Optional.empty();
                connection.commit();
                return user;
            }
        } catch (SQLException e) {
            throw failure("cannot read user '" + name + "'", e);
        }
    }

    @Override
    public List<StoredUser> all() {
        try (Connection connection = open();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM MT_USER")) {
            List<StoredUser> users = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    users.add(user(result));
                }
            }
            connection.commit();
            // Sorted here: the databases' collations order names differently (PostgreSQL's follows the locale).
            users.sort((a, b) -> a.name().compareTo(b.name()));
            return users;
        } catch (SQLException e) {
            throw failure("cannot read the users", e);
        }
    }

    @Override
    public boolean insert(StoredUser user) {
        return insert(user, "NOT EXISTS (SELECT 1 FROM MT_USER WHERE NAME = ?)", true);
    }

    @Override
    public boolean insertIfNone(StoredUser user) {
        return insert(user, "NOT EXISTS (SELECT 1 FROM MT_USER)", false);
    }

    private boolean insert(StoredUser user, String condition, boolean conditionNamesUser) {
        Objects.requireNonNull(user, "user");
        try (Connection connection = open()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO MT_USER (" + COLUMNS + ")"
                    + " SELECT ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP) WHERE " + condition)) {
                insert.setString(1, user.name());
                insert.setString(2, user.role().id());
                insert.setString(3, user.passwordHash());
                insert.setObject(4, utc(user.created()));
                if (user.lastLogin() == null) {
                    insert.setNull(5, Types.TIMESTAMP);
                } else {
                    insert.setObject(5, utc(user.lastLogin()));
                }
                if (conditionNamesUser) {
                    insert.setString(6, user.name());
                }
                boolean inserted = insert.executeUpdate() == 1;
                connection.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot add user '" + user.name() + "'", e);
        }
    }

    @Override
    public boolean updateHash(String name, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        return update("UPDATE MT_USER SET PASSWORD_HASH = ? WHERE NAME = ?", passwordHash, name,
                "cannot change the password of user '" + name + "'") == 1;
    }

    @Override
    public boolean updateRole(String name, Role role) {
        return update("UPDATE MT_USER SET USER_ROLE = ? WHERE NAME = ?", role.id(), name,
                "cannot change the role of user '" + name + "'") == 1;
    }

    @Override
    public void recordLogin(String name, Instant when) {
        update("UPDATE MT_USER SET LAST_LOGIN = ? WHERE NAME = ?", utc(Objects.requireNonNull(when, "when")), name,
                "cannot record the login of user '" + name + "'");
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        try (Connection connection = open()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM MT_USER WHERE NAME = ?")) {
                delete.setString(1, name);
                boolean deleted = delete.executeUpdate() == 1;
                connection.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot remove user '" + name + "'", e);
        }
    }

    @Override
    public int countAdmins() {
        try (Connection connection = open();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM MT_USER WHERE USER_ROLE = ?")) {
            count.setString(1, Role.ADMIN.id());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                int admins = result.getInt(1);
                connection.commit();
                return admins;
            }
        } catch (SQLException e) {
            throw failure("cannot count the admins", e);
        }
    }

    private int update(String sql, Object value, String name, String what) {
        Objects.requireNonNull(name, "name");
        try (Connection connection = open()) {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, value);
                update.setString(2, name);
                int rows = update.executeUpdate();
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static StoredUser user(ResultSet result) throws SQLException {
        LocalDateTime lastLogin = result.getObject(5, LocalDateTime.class);
        return new StoredUser(result.getString(1), Role.forId(result.getString(2)), result.getString(3),
                result.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                lastLogin == null ? null : lastLogin.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + ": " + Failures.describe(e), e);
    }

    private Connection open() throws SQLException {
        return WorkspaceDatabase.manualCommit(dataSource);
    }
}
