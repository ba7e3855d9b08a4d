import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The ceiling for bulk loads: the same rows inserted with a plain JDBC batch into a plain table with no
 * key, no merge and no checks. {@code java -cp DRIVER.jar JdbcCeiling.java FILE JDBC_URL USER PASSWORD}.
 * Prints rows per second.
 */
public final class JdbcCeiling {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (Connection connection = DriverManager.getConnection(args[1], args[2], args[3])) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS CEILING_PURCHASE");
                ddl.execute("CREATE TABLE CEILING_PURCHASE (ORDER_ID VARCHAR(100), CUSTOMER_ID VARCHAR(100),"
                        + " PURCHASE_DATE DATE, PRODUCT VARCHAR(200), QUANTITY DECIMAL(19, 4),"
                        + " REVENUE DECIMAL(19, 2), COST_OF_GOODS DECIMAL(19, 2))");
            }
            connection.commit();
            long started = System.nanoTime();
            long rows = 0;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO CEILING_PURCHASE VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                reader.readLine();
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] f = line.split(",");
                    insert.setString(1, f[0]);
                    insert.setString(2, f[1]);
                    insert.setDate(3, Date.valueOf(LocalDate.parse(f[2])));
                    insert.setString(4, f[3]);
                    insert.setBigDecimal(5, new BigDecimal(f[4]));
                    insert.setBigDecimal(6, new BigDecimal(f[5]));
                    insert.setBigDecimal(7, new BigDecimal(f[6]));
                    insert.addBatch();
                    if (++rows % 5_000 == 0) {
                        insert.executeBatch();
                    }
                    // Committed now and then, as the product's large loads do: one transaction of ten million
                    // rows fills H2's file with what it must keep to roll back.
                    if (rows % 50_000 == 0) {
                        connection.commit();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE CEILING_PURCHASE");
            }
            connection.commit();
            System.out.printf("%-40s %,12d rows %8.1f s %,12.0f rows/s%n", "plain JDBC batch " + args[1].split(":")[1],
                    rows, seconds, rows / seconds);
        }
    }
}
