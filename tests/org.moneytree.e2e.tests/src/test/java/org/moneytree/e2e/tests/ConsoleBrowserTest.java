package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The web console in a real browser (Debian's chromium, headless, driven by Selenium), as a user meets it: the
 * shipped data analysed with {@code moneytree analyze} (the example archive by quarter, and CDNOW), the console
 * started with {@code ./moneytree console --port N}, then: refused without a session, log in, every standard view
 * of both datasets with each chart drawn with as many points as the API's answer has, a table sorted and filtered,
 * a customer's account profile followed from a table, from a point of a chart and from the customer search, the
 * language switched to Chinese, a CSV export (or, without an exporter, the page's message), the admin page, log
 * out. A screenshot of every page is kept in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(MoneytreeProduct.BUILT)
class ConsoleBrowserTest {

    /** The views the platform ships with. */
    private static final List<String> STANDARD_VIEWS = List.of("pareto", "whale", "pyramid", "migration", "eroders",
            "account");
    private static final Path ARCHIVE = Path.of(System.getProperty("moneytree.examples"), "archive");
    private static final Path SCRATCH = Path.of(System.getProperty("moneytree.scratch"), "console");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("moneytree.screenshots"));
    private static final Path DOWNLOADS = SCRATCH.resolve("downloads");
    /** The latest tiered period of each dataset the test analyses. */
    private static final Map<String, String> LATEST = Map.of("demo", "2024-Q2", "cdnow", "1998");
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
        Files.createDirectories(DOWNLOADS);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
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
        chooseDataset("demo");
        assertEquals("admin (admin)", browser.findElement(By.id("user-name")).getText());
        screenshot("home");
    }

    @Test
    @Order(3)
    void everyStandardViewDrawsItsChartsOnBothDatasets() throws Exception {
        List<String> listed = browser.findElements(By.cssSelector("#menu a[data-view-id]")).stream()
                .map(link -> link.getAttribute("data-view-id")).toList();
        assertTrue(listed.containsAll(STANDARD_VIEWS), "menu: " + listed);
        for (String dataset : List.of("demo", "cdnow")) {
            chooseDataset(dataset);
            for (String view : STANDARD_VIEWS) {
                if (view.equals("account")) {
                    continue; // needs a customer: opened from a table, a chart point and the search below
                }
                openFromMenu(view);
                int charts = checkCharts(view);
                assertTrue(charts > 0, view + " on " + dataset + " drew no chart");
                screenshot("view-" + dataset + "-" + view);
            }
        }
        // The migration's periods are the view's choice (the latest two of a length), not the header's one twice.
        chooseDataset("demo");
        WebElement migration = openFromMenu("migration");
        assertTrue(migration.findElement(By.cssSelector(".model-title")).getText().endsWith("demo, 2024-Q1 → 2024-Q2"),
                migration.getText());
        // Without a customer the account profile asks for one instead of failing.
        browser.findElement(By.cssSelector("#menu a[data-view-id='account']")).click();
        WebElement account = waiting.until(d -> d.findElements(By.cssSelector(
                "[data-page='view'][data-view-id='account'][data-loaded='incomplete']")).stream().findFirst().orElse(null));
        assertEquals("Fill in: Customer.", account.findElement(By.cssSelector(".hint")).getText());
    }

    @Test
    @Order(4)
    void aTableSortsByClickingAHeader() throws Exception {
        chooseDataset("cdnow");
        openFromMenu("migration");
        WebElement table = browser.findElement(By.cssSelector("[data-table-id='up']"));
        int revenue = columnIndex(table, "revenue");
        int customer = columnIndex(table, "customer");
        List<Double> before = columnValues(table, revenue);
        assertTrue(before.size() > 100, "rows: " + before.size());
        assertEquals(before.stream().sorted(Comparator.reverseOrder()).toList(), before, "the view lists by revenue");

        WebElement byCustomer = table.findElement(By.cssSelector("th[data-column-id='customer']"));
        byCustomer.click();
        assertEquals("ascending", byCustomer.getAttribute("aria-sort"));
        List<String> ids = columnTexts(table, customer);
        assertEquals(ids.stream().sorted().toList(), ids, "customer ids in order");
        assertNotEquals(before, columnValues(table, revenue), "the rows moved");

        WebElement byRevenue = table.findElement(By.cssSelector("th[data-column-id='revenue']"));
        byRevenue.click();
        assertEquals("descending", byRevenue.getAttribute("aria-sort"), "numbers sort largest first");
        assertNull(byCustomer.getAttribute("aria-sort"));
        assertEquals(before.stream().sorted(Comparator.reverseOrder()).toList(), columnValues(table, revenue));
        byRevenue.click();
        assertEquals("ascending", byRevenue.getAttribute("aria-sort"));
        assertEquals(before.stream().sorted().toList(), columnValues(table, revenue));
        screenshot("view-cdnow-migration-sorted");
    }

    @Test
    @Order(5)
    void aTableFiltersItsRows() throws Exception {
        chooseDataset("cdnow");
        openFromMenu("migration");
        WebElement table = browser.findElement(By.cssSelector("[data-table-id='down']"));
        int all = Integer.parseInt(table.getAttribute("data-shown"));
        WebElement filter = table.findElement(By.cssSelector("input[data-table-filter]"));
        filter.sendKeys("platinum");
        waiting.until(d -> !table.getAttribute("data-shown").equals(String.valueOf(all)));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertEquals(table.getAttribute("data-shown"), String.valueOf(rows.size()));
        assertTrue(rows.size() > 0 && rows.size() < all, rows.size() + " of " + all);
        for (WebElement row : rows) {
            assertTrue(row.getText().contains("platinum"), row.getText());
        }
        assertTrue(table.findElement(By.cssSelector(".row-count")).getText()
                .matches("Showing " + rows.size() + " of [0-9,]+ rows"), table.getText().lines().findFirst().orElse(""));
        screenshot("view-cdnow-migration-filtered");
        filter.clear();
        filter.sendKeys(" ");
        filter.sendKeys(Keys.BACK_SPACE);
        waiting.until(d -> table.getAttribute("data-shown").equals(String.valueOf(all)));
    }

    @Test
    @Order(6)
    void aCustomerLinkInATableOpensTheAccountProfile() throws Exception {
        chooseDataset("demo");
        openFromMenu("eroders");
        WebElement link = browser.findElement(By.cssSelector("[data-table-id] a[data-customer]"));
        String customer = link.getAttribute("data-customer");
        link.click();
        waiting.until(ExpectedConditions.urlContains("#/view/account"));
        WebElement page = waitLoaded("account");
        assertTrue(page.findElement(By.cssSelector(".model-title")).getText().contains("(" + customer + ")"),
                "the profile names " + customer + ": " + page.getText());
        assertTrue(checkCharts("account") > 0, "the account's history charts");
        screenshot("view-demo-account");
    }

    @Test
    @Order(7)
    void aCustomerPointOnAChartOpensTheAccountProfile() throws Exception {
        chooseDataset("cdnow");
        openFromMenu("whale");
        WebElement canvas = browser.findElement(By.cssSelector("[data-chart-id='whale'] canvas"));
        // Where Chart.js drew the 40th point of the curve, in the canvas's CSS pixels, and whom it stands for.
        @SuppressWarnings("unchecked")
        List<Object> point = (List<Object>) ((JavascriptExecutor) browser).executeScript("""
                const canvas = arguments[0];
                const chart = Chart.getChart(canvas);
                const element = chart.getDatasetMeta(0).data[40];
                const box = canvas.getBoundingClientRect();
                return [element.x, element.y, box.width, box.height, chart.data.datasets[0].data[40].customerId];
                """, canvas);
        String customer = (String) point.get(4);
        assertTrue(customer != null && !customer.isBlank(), "the point stands for a customer: " + point);
        int x = (int) Math.round(((Number) point.get(0)).doubleValue() - ((Number) point.get(2)).doubleValue() / 2);
        int y = (int) Math.round(((Number) point.get(1)).doubleValue() - ((Number) point.get(3)).doubleValue() / 2);
        new Actions(browser).moveToElement(canvas, x, y).click().perform();
        waiting.until(ExpectedConditions.urlContains("#/view/account"));
        WebElement page = waitLoaded("account");
        assertTrue(browser.getCurrentUrl().contains("customer=" + customer), browser.getCurrentUrl());
        assertTrue(page.findElement(By.cssSelector(".model-title")).getText().contains(customer), page.getText());
        screenshot("view-cdnow-account-from-chart");
    }

    @Test
    @Order(8)
    void theCustomerSearchFindsByNameAndOpensTheProfile() throws Exception {
        chooseDataset("demo");
        WebElement search = browser.findElement(By.id("customer-search"));
        search.sendKeys("文具");
        WebElement offered = waiting.until(d -> d.findElements(By.cssSelector("#customer-matches option")).stream()
                .filter(option -> "S102".equals(option.getAttribute("value"))).findFirst().orElse(null));
        assertTrue(offered.getAttribute("textContent").startsWith("S102 — 杭州文具贸易公司 — "),
                offered.getAttribute("textContent"));
        assertEquals(1, browser.findElements(By.cssSelector("#customer-matches option")).size());
        search.clear();
        search.sendKeys("S102", Keys.ENTER);
        waiting.until(ExpectedConditions.urlContains("customer=S102"));
        WebElement page = waitLoaded("account");
        assertTrue(page.getText().contains("杭州文具贸易公司 (S102)"), page.getText());
        screenshot("view-demo-account-from-search");
    }

    @Test
    @Order(9)
    void switchingToChineseTranslatesTextsAndTierNames() throws Exception {
        chooseDataset("demo");
        browser.findElement(By.id("lang-zh")).click();
        waiting.until(ExpectedConditions.textToBe(By.id("logout-button"), "退出"));
        assertEquals("数据集", browser.findElement(By.cssSelector("[data-i18n='header.dataset']")).getText());
        assertEquals("admin (管理员)", browser.findElement(By.id("user-name")).getText());
        List<String> groups = browser.findElements(By.cssSelector("#menu h3")).stream().map(WebElement::getText).toList();
        assertTrue(groups.containsAll(List.of("分析", "客户")), groups.toString());
        WebElement page = openFromMenu("pyramid");
        assertEquals("客户金字塔", page.findElement(By.tagName("h1")).getText());
        String tiers = page.findElement(By.cssSelector("[data-table-id='tiers']")).getText();
        for (String tier : List.of("铂金", "黄金", "铁质", "铅质")) {
            assertTrue(tiers.contains(tier), tier + " in the table: " + tiers);
        }
        // the chart's categories are tier ids the page names in the user's language
        assertEquals("各层级客户数: 铂金, 黄金, 铁质, 铅质",
                page.findElement(By.cssSelector("[data-chart-id='pyramid'] canvas")).getAttribute("textContent"));
        checkCharts("pyramid");
        assertEquals("导出 CSV", browser.findElement(By.id("export-csv")).getText());
        screenshot("view-demo-pyramid-zh");

        openFromMenu("migration");
        String moved = browser.findElement(By.cssSelector("[data-table-id='up']")).getText();
        assertTrue(moved.contains("升级") && (moved.contains("铂金") || moved.contains("黄金") || moved.contains("铁质")),
                moved);
        screenshot("view-demo-migration-zh");
        browser.findElement(By.id("lang-en")).click();
        waiting.until(ExpectedConditions.textToBe(By.id("logout-button"), "Log out"));
    }

    @Test
    @Order(10)
    void exportingAViewAsCsv() throws Exception {
        chooseDataset("demo");
        openFromMenu("pareto");
        WebElement button = browser.findElement(By.id("export-csv"));
        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(button.getAttribute("href")))
                .header("Cookie", sessionCookie()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        button.click();
        WebElement message = waiting.until(d -> {
            WebElement found = d.findElement(By.id("export-message"));
            return found.getAttribute("data-status") != null ? found : null;
        });
        if (direct.statusCode() == 503) {
            // the product without an exporter: the page says so, in words, instead of a failed download
            assertEquals("503", message.getAttribute("data-status"));
            assertEquals("No exporter is installed, so views cannot be exported (no ViewExporter service is running).",
                    message.getText());
            assertTrue(message.getAttribute("class").contains("error"));
        } else {
            assertEquals(200, direct.statusCode(), direct.body());
            assertTrue(direct.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertTrue(direct.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            String name = message.getAttribute("data-file");
            assertEquals("pareto-demo.csv", name);
            Path file = DOWNLOADS.resolve(name);
            waiting.until(d -> Files.exists(file));
            String saved = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(direct.body(), saved);
            assertTrue(saved.lines().count() > 3, saved);
        }
        screenshot("view-demo-pareto-export");
    }

    @Test
    @Order(11)
    void theAdminPageListsUsersAndPlugins() throws Exception {
        browser.findElement(By.id("admin-link")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users-table tr[data-user='admin']")));
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plugins-table tr[data-feature]")));
        screenshot("admin");
    }

    @Test
    @Order(12)
    void logOutEndsTheSession() throws Exception {
        String cookie = sessionCookie();
        browser.findElement(By.id("logout-button")).click();
        waiting.until(ExpectedConditions.urlContains("/login.html"));
        HttpResponse<String> after = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, after.statusCode(), "the session ended: " + after.body());
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/index.html"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/login.html"));
        browser.get(base + "/index.html#/view/pareto");
        waiting.until(ExpectedConditions.urlContains("/login.html"));
        screenshot("logged-out");
    }

    // --- helpers

    private static WebElement openFromMenu(String view) {
        // a view already shown is not loaded again by its link: go home first
        browser.findElement(By.cssSelector(".top .brand")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-page='home']")));
        browser.findElement(By.cssSelector("#menu a[data-view-id='" + view + "']")).click();
        return waitLoaded(view);
    }

    private static void chooseDataset(String dataset) {
        Select select = new Select(browser.findElement(By.id("dataset-select")));
        if (!dataset.equals(select.getFirstSelectedOption().getAttribute("value"))) {
            select.selectByValue(dataset);
            waiting.until(d -> new Select(d.findElement(By.id("period-select"))).getOptions().stream()
                    .anyMatch(option -> option.getAttribute("value").equals(LATEST.get(dataset))));
        }
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

    /** Each chart of the API's answer is on the page, drawn on a canvas with as many points; answers how many. */
    private static int checkCharts(String view) throws Exception {
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
        assertEquals(model.getAsJsonArray("charts").size(),
                browser.findElements(By.cssSelector("[data-page='view'] [data-chart-id][data-drawn='true']")).size(), view);
        return model.getAsJsonArray("charts").size();
    }

    private static int columnIndex(WebElement table, String columnId) {
        List<WebElement> headers = table.findElements(By.cssSelector("thead th"));
        for (int index = 0; index < headers.size(); index++) {
            if (columnId.equals(headers.get(index).getAttribute("data-column-id"))) {
                return index + 1;
            }
        }
        throw new AssertionError("no column " + columnId);
    }

    private static List<String> columnTexts(WebElement table, int column) {
        return table.findElements(By.cssSelector("tbody tr td:nth-child(" + column + ")")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<Double> columnValues(WebElement table, int column) {
        List<Double> values = new ArrayList<>();
        for (String cell : columnTexts(table, column)) {
            String text = cell.replaceAll("[^0-9.\\-]", "");
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

    /** The whole page, however long, as {@code target/screenshots/NAME.png}. */
    private static void screenshot(String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.documentElement.scrollHeight, window.innerHeight)");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 150, 8000)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(window);
        }
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
