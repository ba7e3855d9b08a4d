package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The web console in a real browser (Debian's chromium, headless, driven by Selenium), as a user meets it: the
 * shipped data analysed with {@code moneytree analyze}, the console started with {@code ./moneytree console
 * --port N}, then log in, every standard view with its charts drawn, a table sorted, a customer's account
 * profile followed from a link, the language switched to Chinese, a CSV export, the admin page, log out. A
 * screenshot of every page is kept in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    /** The views the platform ships with. */
    private static final List<String> STANDARD_VIEWS = List.of("pareto", "whale", "pyramid", "migration", "eroders",
            "account");
    private static final Path ARCHIVE = Path.of(System.getProperty("moneytree.examples"), "archive");
    private static final Path SCRATCH = Path.of(System.getProperty("moneytree.scratch"), "console");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("moneytree.screenshots"));
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Process console;
    private static String base;
    private static String adminPassword;
    private static WebDriver browser;
    private static WebDriverWait waiting;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void analyseAndStartTheConsole() throws Exception {
        deleteRecursively(SCRATCH);
        Files.createDirectories(SCRATCH.resolve("conf"));
        Files.createDirectories(SCREENSHOTS);
        // The admin's password from the configuration; a user directory that generates one instead prints it.
        adminPassword = "console-" + UUID.randomUUID();
        Files.writeString(SCRATCH.resolve("conf/org.moneytree.users.cfg"),
                "adminName = admin\nadminPassword = " + adminPassword + "\n", StandardCharsets.UTF_8);

        for (String kind : List.of("customers", "contacts", "activities", "contracts", "interactions", "expectations")) {
            script("import", ARCHIVE.resolve(kind + ".csv").toString(), "--dataset", "demo", "--kind", kind);
        }
        script("import", ARCHIVE.resolve("purchases.csv").toString(), "--dataset", "demo");
        script("analyze", "--dataset", "demo", "--period-length", "quarter");
        script("analyze", Path.of(System.getProperty("moneytree.examples"), "cdnow.txt").toString());

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("moneytree.script"), "console", "--port",
                String.valueOf(port)).redirectErrorStream(true).directory(SCRATCH.toFile());
        environment(builder);
        console = builder.start();
        String address = awaitAddress(console);
        base = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        assertEquals("http://127.0.0.1:" + port, base, "listens on this machine only, on the port asked for");

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        waiting = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.destroy();
            assertTrue(console.waitFor(60, TimeUnit.SECONDS), "the console did not stop on SIGTERM");
        }
    }

    @Test
    @Order(1)
    void withoutASessionTheApiRefusesAndPagesGoToTheLogin() throws Exception {
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/views")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), api.body());
        browser.get(base + "/index.html");
        waiting.until(ExpectedConditions.urlContains("/login.html"));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        screenshot("login");
    }

    @Test
    @Order(2)
    void logIn() throws Exception {
        browser.get(base + "/login.html");
        browser.findElement(By.id("login-name")).sendKeys("admin");
        browser.findElement(By.id("login-password")).sendKeys("not the password");
        browser.findElement(By.id("login-submit")).click();
        WebElement error = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertEquals("Unknown name or wrong password.", error.getText());

        browser.findElement(By.id("login-password")).clear();
        browser.findElement(By.id("login-password")).sendKeys(adminPassword);
        browser.findElement(By.id("login-submit")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#menu a[data-view-id]")));
        new Select(browser.findElement(By.id("dataset-select"))).selectByValue("demo");
        waiting.until(d -> !new Select(d.findElement(By.id("period-select"))).getOptions().isEmpty());
        assertEquals("admin (admin)", browser.findElement(By.id("user-name")).getText());
        screenshot("home");
    }

    @Test
    @Order(3)
    void everyStandardViewIsInTheMenuAndDrawsItsCharts() throws Exception {
        List<String> listed = browser.findElements(By.cssSelector("#menu a[data-view-id]")).stream()
                .map(link -> link.getAttribute("data-view-id")).toList();
        assertTrue(listed.containsAll(STANDARD_VIEWS), "menu: " + listed);
        for (String view : STANDARD_VIEWS) {
            if (view.equals("account")) {
                continue; // needs a customer: opened from a link below
            }
            openFromMenu(view);
            checkCharts(view);
            screenshot("view-" + view);
        }
    }

    @Test
    @Order(4)
    void aTableSortsByClickingAHeader() throws Exception {
        openFromMenu("eroders");
        WebElement table = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-table-id]")));
        List<WebElement> numeric = table.findElements(By.cssSelector("th.number"));
        assertFalse(numeric.isEmpty(), "a numeric column to sort by");
        int column = table.findElements(By.cssSelector("th")).indexOf(numeric.get(0)) + 1;
        numeric.get(0).click();
        List<Double> descending = columnValues(table, column);
        assertEquals("descending", numeric.get(0).getAttribute("aria-sort"));
        numeric.get(0).click();
        List<Double> ascending = columnValues(table, column);
        assertEquals("ascending", numeric.get(0).getAttribute("aria-sort"));
        assertEquals(descending.stream().sorted(Comparator.reverseOrder()).toList(), descending);
        assertEquals(ascending.stream().sorted().toList(), ascending);
        screenshot("view-eroders-sorted");
    }

    @Test
    @Order(5)
    void aCustomerLinkOpensTheAccountProfile() throws Exception {
        WebElement link = null;
        for (String view : List.of("pareto", "eroders", "whale", "pyramid", "migration")) {
            openFromMenu(view);
            List<WebElement> links = browser.findElements(By.cssSelector("[data-table-id] a[data-customer]"));
            if (!links.isEmpty()) {
                link = links.get(0);
                break;
            }
        }
        assertTrue(link != null, "no standard view links a customer to its account profile");
        String customer = link.getAttribute("data-customer");
        link.click();
        waiting.until(ExpectedConditions.urlContains("#/view/account"));
        WebElement page = waitLoaded("account");
        assertTrue(page.getText().contains(customer), "the profile names " + customer);
        checkCharts("account");
        screenshot("view-account");
    }

    @Test
    @Order(6)
    void switchingToChineseTranslatesTextsAndTierNames() throws Exception {
        browser.findElement(By.id("lang-zh")).click();
        waiting.until(ExpectedConditions.textToBe(By.id("logout-button"), "退出"));
        openFromMenu("pyramid");
        // Tier names in tables and in the charts' labels (which the canvas also carries as text).
        String page = browser.getPageSource();
        assertTrue(page.contains("铂金") && page.contains("铅质"), "tier names in Chinese: "
                + browser.findElement(By.id("content")).getText());
        assertEquals("数据集", browser.findElement(By.cssSelector("[data-i18n='header.dataset']")).getText());
        screenshot("view-pyramid-zh");
        browser.findElement(By.id("lang-en")).click();
        waiting.until(ExpectedConditions.textToBe(By.id("logout-button"), "Log out"));
    }

    @Test
    @Order(7)
    void aViewExportsAsCsv() throws Exception {
        openFromMenu("pareto");
        String href = browser.findElement(By.id("export-csv")).getAttribute("href");
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", sessionCookie())
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(csv.body().lines().count() > 3, csv.body());
    }

    @Test
    @Order(8)
    void theAdminPageListsUsersAndPlugins() throws Exception {
        browser.findElement(By.id("admin-link")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users-table tr[data-user='admin']")));
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plugins-table tr[data-feature]")));
        screenshot("admin");
    }

    @Test
    @Order(9)
    void logOut() throws Exception {
        String cookie = sessionCookie();
        browser.findElement(By.id("logout-button")).click();
        waiting.until(ExpectedConditions.urlContains("/login.html"));
        HttpResponse<String> after = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, after.statusCode(), "the session ended: " + after.body());
    }

    // --- helpers

    private static void openFromMenu(String view) {
        browser.findElement(By.cssSelector("#menu a[data-view-id='" + view + "']")).click();
        waitLoaded(view);
    }

    private static WebElement waitLoaded(String view) {
        return waiting.until(d -> {
            List<WebElement> pages = d.findElements(By.cssSelector("[data-page='view'][data-view-id='" + view + "']"));
            if (pages.isEmpty()) {
                return null;
            }
            String loaded = pages.get(0).getAttribute("data-loaded");
            if ("error".equals(loaded)) {
                throw new AssertionError("view " + view + " failed: " + pages.get(0).getText());
            }
            return "true".equals(loaded) ? pages.get(0) : null;
        });
    }

    /** Each chart of the API's answer is on the page, drawn on a canvas with as many points. */
    private static void checkCharts(String view) throws Exception {
        String csv = browser.findElement(By.id("export-csv")).getAttribute("href");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(csv.replace("/export.csv", "")))
                .header("Cookie", sessionCookie()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject model = JsonParser.parseString(answer.body()).getAsJsonObject();
        for (JsonElement element : model.getAsJsonArray("charts")) {
            JsonObject chart = element.getAsJsonObject();
            int points = 0;
            for (JsonElement series : chart.getAsJsonArray("series")) {
                points += series.getAsJsonObject().getAsJsonArray("points").size();
            }
            String id = chart.get("id").getAsString();
            WebElement figure = waiting.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-chart-id='" + id + "'][data-drawn='true']")));
            assertEquals(String.valueOf(points), figure.getAttribute("data-points"), view + "/" + id);
            assertEquals(String.valueOf(points), figure.getAttribute("data-drawn-points"), view + "/" + id);
            WebElement canvas = figure.findElement(By.tagName("canvas"));
            assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 100, view + "/" + id);
        }
    }

    private static List<Double> columnValues(WebElement table, int column) {
        List<Double> values = new ArrayList<>();
        for (WebElement cell : table.findElements(By.cssSelector("tbody tr td:nth-child(" + column + ")"))) {
            String text = cell.getText().replaceAll("[^0-9.\\-]", "");
            if (!text.isEmpty()) {
                values.add(Double.parseDouble(text));
            }
        }
        return values;
    }

    private static String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed("MONEYTREE_SESSION");
        return cookie.getName() + "=" + cookie.getValue();
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void environment(ProcessBuilder builder) {
        Map<String, String> environment = builder.environment();
        environment.put("MONEYTREE_WORKSPACE", SCRATCH.resolve("workspace").toString());
        environment.put("MONEYTREE_CONF", SCRATCH.resolve("conf").toString());
    }

    private static void script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", System.getProperty("moneytree.script")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(SCRATCH.toFile());
        environment(builder);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), String.join(" ", args));
        assertEquals(0, process.exitValue(), String.join(" ", args) + "\n" + output);
    }

    /**
     * Reads the console's output until it prints its address (and the first admin's password, if the user
     * directory generated one) and answers the address.
     */
    private static String awaitAddress(Process process) throws Exception {
        CompletableFuture<String> address = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Pattern password = Pattern.compile("name admin, password (\\S+)");
        Pattern url = Pattern.compile("Moneytree console: (http://\\S+) ");
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher generated = password.matcher(line);
                    if (generated.find()) {
                        adminPassword = generated.group(1);
                    }
                    Matcher found = url.matcher(line);
                    if (found.find()) {
                        address.complete(found.group(1));
                    }
                }
                address.completeExceptionally(new AssertionError("the console ended: " + output));
            } catch (IOException e) {
                address.completeExceptionally(e);
            }
        }, "console-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return address.get(180, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            synchronized (output) {
                throw new AssertionError("the console printed no address within 180 s: " + output);
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
