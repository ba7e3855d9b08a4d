package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console's users managed from the command line of the built product, as an administrator does it: the
 * first admin from a password file, an analyst with the password on standard input, the list in English and
 * Chinese, password and role changes, removal, and the mistakes that are refused with exit code 2.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsersCommandLineTest {

    private static final String CHIEF_PASSWORD = "chief's long password";
    private static final String ANNA_PASSWORD = "anna types this";

    private static MoneytreeProduct product;

    @BeforeAll
    static void copyTheBuiltProduct() throws Exception {
        product = new MoneytreeProduct(Path.of(System.getProperty("moneytree.product")),
                Path.of(System.getProperty("moneytree.scratch") + "-users"));
    }

    private static Path passwordFile(String name, String password) throws IOException {
        return Files.writeString(product.workingDirectory().resolve(name), password + "\n", StandardCharsets.UTF_8);
    }

    /** Runs a command with the given text on its standard input (not a terminal). */
    private static MoneytreeProduct.Run runWithInput(String input, String... args) throws Exception {
        Path out = Files.createTempFile(product.workingDirectory(), "out", ".txt");
        Path err = Files.createTempFile(product.workingDirectory(), "err", ".txt");
        Process process = product.start(out, err, args);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("moneytree " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new MoneytreeProduct.Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertBadInput(MoneytreeProduct.Run run, String reason) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("moneytree: " + reason + "\n", run.err(), run.toString());
    }

    @Test
    @Order(1)
    void withoutUsersTheListSaysHowToAddTheFirstAdmin() throws Exception {
        MoneytreeProduct.Run run = product.run("users", "list");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("No users yet. The web console creates the first admin when it first starts; or add one:"
                + " moneytree users add NAME --role admin\n", run.out());
    }

    @Test
    @Order(2)
    void theFirstUserIsAnAdminWithThePasswordFromAFile() throws Exception {
        Path file = passwordFile("chief.txt", CHIEF_PASSWORD);
        assertBadInput(product.run("users", "add", "anna", "--role", "analyst", "--password-file", file.toString()),
                "there is no admin yet: the first user must be an admin, so that someone can manage the users");
        MoneytreeProduct.Run run = product.run("users", "add", "chief", "--role", "admin", "--password-file",
                file.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("User chief added (admin).\n", run.out());
    }

    @Test
    @Order(3)
    void anAnalystIsAddedWithThePasswordOnStandardInput() throws Exception {
        MoneytreeProduct.Run run = runWithInput(ANNA_PASSWORD + "\n", "users", "add", "anna", "--role", "analyst");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("User anna added (analyst).\n", run.out());

        MoneytreeProduct.Run list = product.run("users", "list");
        assertEquals(0, list.exitCode(), list.toString());
        List<String> lines = list.out().lines().toList();
        assertEquals(3, lines.size(), list.out());
        assertTrue(lines.get(0).matches("user\\s+role\\s+created\\s+last login"), lines.get(0));
        assertTrue(lines.get(1).matches("anna\\s+analyst\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+never"), lines.get(1));
        assertTrue(lines.get(2).matches("chief\\s+admin\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+never"), lines.get(2));

        MoneytreeProduct.Run chinese = product.run("users", "list", "--lang", "zh");
        assertTrue(chinese.out().contains("最近登录"), chinese.out());
        assertTrue(chinese.out().lines().anyMatch(line -> line.matches("chief\\s+管理员\\s+.*从未")), chinese.out());
    }

    @Test
    @Order(4)
    void mistakesAreRefusedWithOneLine() throws Exception {
        Path good = passwordFile("good.txt", "a good long password");
        assertBadInput(product.run("users", "add", "bad name", "--role", "analyst", "--password-file", good.toString()),
                "user name 'bad name' is not allowed: use 1 to 64 letters, digits, '.', '_', '-' or '@'");
        assertBadInput(product.run("users", "add", "anna", "--role", "analyst", "--password-file", good.toString()),
                "user 'anna' exists already");
        assertBadInput(product.run("users", "add", "bo", "--role", "boss", "--password-file", good.toString()),
                "'boss' is not a role; expected admin or analyst");
        assertBadInput(product.run("users", "add", "bo", "--role", "analyst", "--password-file",
                passwordFile("short.txt", "too short").toString()),
                "the password is too short: use at least 10 characters");
        assertBadInput(product.run("users", "add", "bo", "--role", "analyst", "--password-file", "missing.txt"),
                "password file missing.txt does not exist");
        assertBadInput(runWithInput("", "users", "add", "bo", "--role", "analyst"),
                "no password given: type it when asked, send it on standard input or give --password-file FILE");
        assertBadInput(product.run("users", "remove", "chief"),
                "'chief' is the last admin and cannot be removed: make another user an admin first");
        assertBadInput(product.run("users", "role", "chief", "analyst"),
                "'chief' is the last admin and must stay one: make another user an admin first");
        assertBadInput(product.run("users", "password", "nobody", "--password-file", good.toString()),
                "there is no user 'nobody'");
        assertEquals(3, product.run("users", "list").out().lines().count(), "nothing was changed");
    }

    @Test
    @Order(5)
    void passwordsAndRolesChangeAndUsersAreRemoved() throws Exception {
        MoneytreeProduct.Run password = product.run("users", "password", "anna", "--password-file",
                passwordFile("anna-new.txt", "anna's new password").toString());
        assertEquals(0, password.exitCode(), password.toString());
        assertEquals("Password of anna changed.\n", password.out());

        MoneytreeProduct.Run role = product.run("users", "role", "anna", "admin", "--lang", "zh");
        assertEquals(0, role.exitCode(), role.toString());
        assertEquals("anna 现在是管理员。\n", role.out());

        MoneytreeProduct.Run demote = product.run("users", "role", "chief", "analyst");
        assertEquals(0, demote.exitCode(), demote.toString());
        assertEquals("chief is now analyst.\n", demote.out());

        MoneytreeProduct.Run remove = product.run("users", "remove", "chief");
        assertEquals(0, remove.exitCode(), remove.toString());
        assertEquals("User chief removed.\n", remove.out());

        List<String> lines = product.run("users", "list").out().lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).matches("anna\\s+admin\\s+.*never"), lines.get(1));
    }

    @Test
    @Order(6)
    void noPasswordIsKeptInTheWorkspace() throws Exception {
        Path workspace = product.configurationFolder().resolveSibling("workspace");
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String password : List.of(CHIEF_PASSWORD, ANNA_PASSWORD, "anna's new password")) {
                    assertFalse(content.contains(password), password + " found in " + file);
                }
            }
        }
        try (Stream<Path> files = Files.walk(workspace)) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().endsWith(".mv.db")),
                    "the H2 database is in the workspace");
        }
    }
}
