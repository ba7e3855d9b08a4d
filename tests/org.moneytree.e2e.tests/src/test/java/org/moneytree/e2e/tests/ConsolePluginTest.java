package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * An admin installs a plugin from the running web console (on a private copy of the product, through the JSON
 * API) and its reporting views are served at once, without a restart; uninstalling it takes them away again, and
 * the console keeps answering throughout.
 */
class ConsolePluginTest {

    private static final Path SCRATCH = Path.of(System.getProperty("moneytree.scratch"), "console-plugin");
    private static final String FEATURE = "org.moneytree.testplugin.feature";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static MoneytreeProduct product;
    private static Process console;
    private static Path out;
    private static String base;
    private static String cookie;
    private static String csrf;

    @BeforeAll
    static void startTheConsoleOnACopyOfTheProduct() throws Exception {
        product = new MoneytreeProduct(Path.of(System.getProperty("moneytree.product")), SCRATCH);
        Files.createDirectories(product.configurationFolder());
        String password = "plugin-" + UUID.randomUUID();
        Files.writeString(product.configurationFolder().resolve("org.moneytree.users.cfg"),
                "adminName = admin\nadminPassword = " + password + "\n", StandardCharsets.UTF_8);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        out = product.workingDirectory().resolve("console.out");
        // what the moneytree script gives the console command
        console = product.start(out, product.workingDirectory().resolve("console.err"), List.of(
                "-Dorg.apache.felix.http.enable=true", "-Dorg.osgi.service.http.port=" + port,
                "-Dorg.apache.felix.http.host=127.0.0.1", "-Djava.awt.headless=true"), "console", "--port",
                String.valueOf(port));
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(out).contains("Moneytree console: " + base)) {
            assertTrue(console.isAlive(), "the console ended: " + Files.readString(out));
            assertTrue(System.nanoTime() < deadline, "no address within 180 s: " + Files.readString(out));
            console.waitFor(200, TimeUnit.MILLISECONDS);
        }
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        csrf = JsonParser.parseString(login.body()).getAsJsonObject().get("csrf").getAsString();
    }

    @AfterAll
    static void stopTheConsole() throws Exception {
        if (console != null) {
            console.destroy();
            if (!console.waitFor(60, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
    }

    @Test
    void aPluginInstalledFromTheConsoleServesItsViewsAtOnceAndUninstallingTakesThemAway() throws Exception {
        List<String> before = viewIds();
        assertTrue(before.containsAll(List.of("pareto", "whale", "pyramid", "migration", "eroders", "account")),
                before.toString());
        assertFalse(before.contains("echo"), before.toString());

        String site = Path.of(System.getProperty("moneytree.testsite")).toUri().toString();
        HttpResponse<String> install = send("POST", "/api/plugins",
                "{\"feature\":\"" + FEATURE + "\",\"site\":\"" + site + "\"}");
        assertEquals(200, install.statusCode(), install.body());
        String installed = message(install);
        assertTrue(installed.startsWith("Installed " + FEATURE + " "), installed);
        assertTrue(installed.endsWith("; it is active now."), installed);

        // the plugin's views are served by the running console: no restart
        List<String> after = viewIds();
        assertTrue(after.containsAll(List.of("echo", "exploding")), after.toString());
        HttpResponse<String> echo = send("GET", "/api/views/echo?dataset=any&period=2024", null);
        assertEquals(200, echo.statusCode(), echo.body());
        assertTrue(echo.body().contains("dataset=any period=2024"), echo.body());
        HttpResponse<String> exploding = send("GET", "/api/views/exploding?dataset=any&period=2024", null);
        assertEquals(500, exploding.statusCode(), exploding.body());
        JsonObject plugins = JsonParser.parseString(send("GET", "/api/plugins", null).body()).getAsJsonObject();
        assertTrue(plugins.get("installed").toString().contains(FEATURE), plugins.toString());
        assertTrue(plugins.get("failures").toString().contains("FailingActivation"),
                "the plugin's broken component is named: " + plugins);

        HttpResponse<String> uninstall = send("DELETE", "/api/plugins/" + FEATURE, null);
        assertEquals(200, uninstall.statusCode(), uninstall.body());
        assertEquals("Uninstalled " + FEATURE + "; it is gone now.", message(uninstall));
        List<String> gone = viewIds();
        assertFalse(gone.contains("echo") || gone.contains("exploding"), gone.toString());
        assertEquals(before, gone, "the standard views are all still there");
        assertTrue(console.isAlive(), "the console kept running");
    }

    private static List<String> viewIds() throws Exception {
        HttpResponse<String> views = send("GET", "/api/views", null);
        assertEquals(200, views.statusCode(), views.body());
        List<String> ids = new ArrayList<>();
        JsonElement body = JsonParser.parseString(views.body());
        JsonArray list = body.isJsonArray() ? body.getAsJsonArray() : body.getAsJsonObject().getAsJsonArray("views");
        for (JsonElement view : list) {
            ids.add(view.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    private static String message(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject().get("message").getAsString();
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Cookie", cookie).header("X-CSRF-Token", csrf);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
