package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The store writes to the database the configuration names, checked by reading that database directly:
 * the embedded H2 file in the workspace, or the PostgreSQL server of the configuration file.
 */
class DatabaseInUseTest {

    @Test
    void purchasesLandInTheConfiguredDatabase() throws Exception {
        String dataset = "in-use-" + UUID.randomUUID().toString().substring(0, 8);
        Services.get(PurchaseStore.class).store(dataset, List.of(
                new Purchase("c1", LocalDate.of(2024, 1, 1), BigDecimal.ONE, new BigDecimal("1.50")),
                new Purchase("c2", LocalDate.of(2024, 1, 2), BigDecimal.ONE, new BigDecimal("2.50"))));

        try (Connection connection = expectedDatabase().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*), SUM(REVENUE) FROM MT_PURCHASE WHERE DATASET = ?")) {
            count.setString(1, dataset);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                assertEquals(2, result.getInt(1));
                assertEquals(0, new BigDecimal("4.00").compareTo(result.getBigDecimal(2)));
            }
        }
    }

    /** The database the configuration names, opened directly rather than through the store. */
    static DataSource expectedDatabase() throws Exception {
        String database = System.getProperty("moneytree.test.database", "h2");
        Properties connection = new Properties();
        String driver;
        if ("postgresql".equals(database)) {
            Properties configuration = new Properties();
            Path file = Path.of(System.getProperty("moneytree.conf"), "org.moneytree.persistence.cfg");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                configuration.load(reader);
            }
            connection.put(DataSourceFactory.JDBC_URL, configuration.getProperty("url"));
            connection.put(DataSourceFactory.JDBC_USER, configuration.getProperty("user"));
            connection.put(DataSourceFactory.JDBC_PASSWORD, configuration.getProperty("password"));
            driver = "org.postgresql.Driver";
        } else {
            Path workspace = Path.of(System.getProperty("moneytree.workspace")).toAbsolutePath();
            connection.put(DataSourceFactory.JDBC_URL, "jdbc:h2:file:" + workspace.resolve("moneytree"));
            connection.put(DataSourceFactory.JDBC_USER, "moneytree");
            connection.put(DataSourceFactory.JDBC_PASSWORD, "");
            driver = "org.h2.Driver";
        }
        ServiceReference<DataSourceFactory> reference = Services.context()
                .getServiceReferences(DataSourceFactory.class, "(osgi.jdbc.driver.class=" + driver + ")").iterator()
                .next();
        return Services.context().getService(reference).createDataSource(connection);
    }
}
