package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moneytree.api.report.ReportData;
import org.moneytree.core.tests.ConsoleClient.Answer;
import org.moneytree.core.tests.ConsoleClient.Session;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The web console's JSON API and pages, served by Jetty inside the test framework: sessions, CSRF, roles, the
 * live list of views (a test bundle's views come and go with it), parameter checks, a view that throws, and
 * the OpenAPI description against the routes the servlet has.
 */
class ConsoleApiTest {

    private static final String TEST_VIEWS = "org.moneytree.testviews";

    private static ConsoleClient client;

    @BeforeAll
    static void startConsole() throws Exception {
        Services.bundle(TEST_VIEWS).start();
        client = new ConsoleClient(ConsoleServer.start().base());
    }

    @AfterEach
    void restartTestViews() throws BundleException {
        Services.bundle(TEST_VIEWS).start();
    }

    @Test
    void withoutASessionEveryApiRouteAnswers401AndPagesRedirectToLogin() throws Exception {
        for (String route : documentedRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = example(route.substring(route.indexOf(' ') + 1));
            if (route.equals("POST /api/login")) {
                continue;
            }
            Answer answer = client.send(method, path, method.equals("GET") || method.equals("OPTIONS") ? null : Map.of(),
                    null, false);
            assertEquals(401, answer.status(), route + ": " + answer);
            assertEquals("Log in first.", answer.error(), route);
        }
        for (String page : List.of("/", "/index.html", "/js/app.js", "/lib/dist/chart.umd.min.js", "/nothing.html")) {
            Answer answer = client.get(page, null);
            assertEquals(302, answer.status(), page);
            assertTrue(answer.header("Location").endsWith("/login.html"), page + " -> " + answer.header("Location"));
        }
        Answer login = client.get("/login.html", null);
        assertEquals(200, login.status());
        assertTrue(login.body().contains("login-form"));
        assertSecurityHeaders(login);
    }

    @Test
    void loginRefusesWrongPasswordsAndUnknownNamesAlikeAndRegeneratesTheSession() throws Exception {
        Answer wrong = client.login(ConsoleServer.ANALYST, "not-the-password");
        Answer unknown = client.login("nobody-of-that-name", "not-the-password");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.error(), unknown.error(), "the same message for both");
        assertNull(wrong.header("Set-Cookie"));

        Answer right = client.login(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        assertEquals(200, right.status(), right.toString());
        JsonObject body = right.json().getAsJsonObject();
        assertEquals(ConsoleServer.ANALYST, body.get("name").getAsString());
        assertEquals("analyst", body.get("role").getAsString());
        assertTrue(body.get("csrf").getAsString().length() >= 32);
        String cookie = right.header("Set-Cookie");
        assertTrue(cookie.startsWith("MONEYTREE_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http: " + cookie);

        Session first = new Session(ConsoleClient.cookie(right), body.get("csrf").getAsString());
        Answer session = client.get("/api/session", first);
        assertEquals(200, session.status());
        assertEquals(first.csrf(), session.json().getAsJsonObject().get("csrf").getAsString());
        assertEquals("en", session.json().getAsJsonObject().get("lang").getAsString());

        Session second = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        assertNotEquals(first.cookie(), second.cookie(), "each login makes a new session id");

        assertEquals(200, client.send("POST", "/api/logout", null, second, true).status());
        assertEquals(401, client.get("/api/session", second).status(), "logged out");
        assertEquals(200, client.get("/api/session", first).status(), "the other browser is still logged in");
    }

    @Test
    void repeatedFailuresForOneNameArePaused() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, client.login("throttled-name", "wrong-password-" + i).status());
        }
        Answer paused = client.login("throttled-name", "wrong-password-x");
        assertEquals(429, paused.status(), paused.toString());
        assertTrue(paused.error().startsWith("Too many failed logins"), paused.error());
        assertEquals(200, client.login(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD).status(),
                "other names from the same address may still log in");
    }

    @Test
    void stateChangingRequestsNeedTheSessionsCsrfToken() throws Exception {
        Session session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        Answer without = client.send("PUT", "/api/session", Map.of("lang", "zh"), session, false);
        assertEquals(403, without.status(), without.toString());
        assertTrue(without.error().contains("X-CSRF-Token"), without.error());
        Session forged = new Session(session.cookie(), "forged-token");
        assertEquals(403, client.send("PUT", "/api/session", Map.of("lang", "zh"), forged, true).status());
        assertEquals(403, client.send("POST", "/api/logout", null, session, false).status());

        Answer with = client.send("PUT", "/api/session", Map.of("lang", "zh"), session, true);
        assertEquals(200, with.status(), with.toString());
        assertEquals("zh", with.json().getAsJsonObject().get("lang").getAsString());
        Answer chinese = client.get("/api/views/nothing-here?dataset=x", session);
        assertEquals(404, chinese.status());
        assertTrue(chinese.error().startsWith("没有视图"), chinese.error());
    }

    @Test
    void analystsAreRefusedAdminRoutes() throws Exception {
        Session analyst = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        for (String route : List.of("GET /api/users", "POST /api/users", "PUT /api/users/console-analyst",
                "DELETE /api/users/console-admin", "GET /api/plugins", "POST /api/plugins",
                "DELETE /api/plugins/org.moneytree.feature")) {
            String method = route.substring(0, route.indexOf(' '));
            Answer answer = client.send(method, route.substring(route.indexOf(' ') + 1),
                    method.equals("GET") ? null : Map.of("role", "admin"), analyst, true);
            assertEquals(403, answer.status(), route + ": " + answer);
            assertEquals("Only an admin may do this.", answer.error());
        }
        Session admin = client.session(ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
        Answer users = client.get("/api/users", admin);
        assertEquals(200, users.status(), users.toString());
        List<String> names = new ArrayList<>();
        users.json().getAsJsonArray().forEach(user -> names.add(user.getAsJsonObject().get("name").getAsString()));
        assertTrue(names.containsAll(List.of(ConsoleServer.ADMIN, ConsoleServer.ANALYST)), names.toString());
    }

    @Test
    void adminsManageUsersAndARoleChangeReachesLiveSessions() throws Exception {
        Session admin = client.session(ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
        client.send("DELETE", "/api/users/console-temp", null, admin, true);
        Answer created = client.send("POST", "/api/users",
                Map.of("name", "console-temp", "role", "analyst", "password", "temp-password-1"), admin, true);
        assertEquals(201, created.status(), created.toString());
        assertEquals("analyst", created.json().getAsJsonObject().get("role").getAsString());
        Answer tooShort = client.send("POST", "/api/users",
                Map.of("name", "console-short", "role", "analyst", "password", "short"), admin, true);
        assertEquals(400, tooShort.status(), tooShort.toString());

        Session temp = client.session("console-temp", "temp-password-1");
        assertEquals(403, client.get("/api/users", temp).status());
        Answer promoted = client.send("PUT", "/api/users/console-temp", Map.of("role", "admin"), admin, true);
        assertEquals(200, promoted.status(), promoted.toString());
        assertEquals(200, client.get("/api/users", temp).status(), "the live session is an admin's now");

        Answer self = client.send("DELETE", "/api/users/" + ConsoleServer.ADMIN, null, admin, true);
        assertEquals(400, self.status(), self.toString());
        assertEquals(404, client.send("DELETE", "/api/users/nobody-at-all", null, admin, true).status());
        assertEquals(200, client.send("DELETE", "/api/users/console-temp", null, admin, true).status());
        assertEquals(401, client.get("/api/session", temp).status(), "a removed user's session ends");
    }

    @Test
    void aTestBundlesViewIsListedAndDisappearsWhenTheBundleStops() throws Exception {
        Session session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        JsonObject echo = listedView(session, "echo", "en");
        assertEquals("Echo", echo.get("title").getAsString());
        assertEquals("Tests", echo.get("group").getAsString());
        JsonObject period = echo.getAsJsonArray("parameters").get(0).getAsJsonObject();
        assertEquals("period", period.get("id").getAsString());
        assertEquals("PERIOD", period.get("kind").getAsString());
        assertTrue(period.get("required").getAsBoolean());
        assertEquals("Period", period.get("label").getAsString());
        JsonObject chinese = listedView(session, "echo", "zh");
        assertEquals("回显", chinese.get("title").getAsString());
        assertEquals("期间", chinese.getAsJsonArray("parameters").get(0).getAsJsonObject().get("label").getAsString());

        Bundle views = Services.bundle(TEST_VIEWS);
        views.stop();
        assertNull(listedView(session, "echo", "en"), "listed after its bundle stopped");
        Answer gone = client.get("/api/views/echo?dataset=demo&period=2024", session);
        assertEquals(404, gone.status());
        assertTrue(gone.error().contains("no view 'echo'"), gone.error());

        views.start();
        assertEquals("Echo", listedView(session, "echo", "en").get("title").getAsString());
    }

    @Test
    void aViewIsRenderedAsJsonWithTypesAndRawNumbers() throws Exception {
        Session session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        Answer answer = client.get("/api/views/echo?dataset=demo&period=2024-q3&tier=GOLD&count=4", session);
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
        assertTrue(answer.header("Content-Type").toLowerCase().contains("utf-8"), answer.header("Content-Type"));
        JsonObject model = answer.json().getAsJsonObject();
        assertEquals("echo", model.get("viewId").getAsString());
        assertEquals("dataset=demo period=2024-Q3 tier=gold lang=en", model.get("summary").getAsString(),
                "parameters checked and normalised before the view saw them");
        JsonObject count = model.getAsJsonArray("figures").get(0).getAsJsonObject();
        assertEquals("COUNT", count.get("type").getAsString());
        assertEquals(4, count.get("value").getAsLong());
        assertEquals("9.25", model.getAsJsonArray("figures").get(1).getAsJsonObject().get("value").getAsJsonPrimitive()
                .getAsBigDecimal().toPlainString(), "money as a JSON number");
        JsonObject chart = model.getAsJsonArray("charts").get(0).getAsJsonObject();
        assertEquals("LINE", chart.get("kind").getAsString());
        assertEquals("SHARE", chart.getAsJsonObject("x").get("type").getAsString());
        assertEquals("MONEY", chart.getAsJsonObject("y").get("type").getAsString());
        JsonArray points = chart.getAsJsonArray("series").get(0).getAsJsonObject().getAsJsonArray("points");
        assertEquals(4, points.size());
        assertEquals("C1", points.get(0).getAsJsonObject().get("customerId").getAsString());
        assertTrue(points.get(1).getAsJsonObject().get("customerId").isJsonNull());
        assertEquals("peak", chart.getAsJsonArray("marks").get(0).getAsJsonObject().get("id").getAsString());
        JsonObject table = model.getAsJsonArray("tables").get(0).getAsJsonObject();
        assertEquals("CUSTOMER", table.getAsJsonArray("columns").get(0).getAsJsonObject().get("type").getAsString());
        assertEquals(-3.25, table.getAsJsonArray("rows").get(1).getAsJsonArray().get(1).getAsDouble());
        assertEquals(2, table.get("totalRows").getAsLong());
        assertSecurityHeaders(answer);
    }

    @Test
    void badParametersAreRefusedWith400NamingThem() throws Exception {
        Session session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        assertRefused(session, "/api/views/echo?dataset=demo&period=2024-Q5", 400, "Parameter period: '2024-Q5' is not a period");
        assertRefused(session, "/api/views/echo?dataset=demo&period=2024&tier=diamond", 400, "Parameter tier: 'diamond' is not a tier");
        assertRefused(session, "/api/views/echo?dataset=demo&period=2024&count=many", 400, "Parameter count: 'many' is not a whole number");
        assertRefused(session, "/api/views/echo?dataset=demo", 400, "The view echo needs the parameter period (Period)");
        assertRefused(session, "/api/views/echo?period=2024", 400, "Name the dataset");
        assertRefused(session, "/api/views/echo?dataset=missing&period=2024", 422, "dataset missing has not been analysed");
        assertRefused(session, "/api/views/echo?dataset=demo&period=2024&lang=zh&tier=x", 400, "参数 tier");
    }

    @Test
    void aViewThatThrowsGives500NamingItAndTheConsoleGoesOn() throws Exception {
        Session session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        Answer failed = client.get("/api/views/exploding?dataset=demo", session);
        assertEquals(500, failed.status(), failed.toString());
        assertEquals("The view exploding failed: boom from the exploding view", failed.error());
        assertEquals(200, client.get("/api/views/echo?dataset=demo&period=2024", session).status());
        assertEquals(200, client.get("/api/views", session).status());
    }

    @Test
    void datasetsPeriodsAndCustomersComeFromTheReportData() throws Exception {
        Session session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        ReportData data = Services.get(ReportData.class);
        Answer datasets = client.get("/api/datasets", session);
        assertEquals(200, datasets.status(), datasets.toString());
        List<String> names = new ArrayList<>();
        datasets.json().getAsJsonArray().forEach(name -> names.add(name.getAsString()));
        assertEquals(data.datasets(), names);
        for (String dataset : names) {
            List<String> periods = new ArrayList<>();
            client.get("/api/datasets/" + dataset + "/periods", session).json().getAsJsonArray()
                    .forEach(period -> periods.add(period.getAsString()));
            assertEquals(data.periods(dataset).stream().map(p -> p.id()).toList(), periods, dataset);
        }
        Answer none = client.get("/api/customers?dataset=no-such-dataset-here&q=a", session);
        assertEquals(200, none.status(), none.toString());
        assertEquals(0, none.json().getAsJsonArray().size());
    }

    @Test
    void pagesAndChartJsAreServedFromTheBundle() throws Exception {
        Session session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        Answer index = client.get("/index.html", session);
        assertEquals(200, index.status());
        assertTrue(index.body().contains("/lib/dist/chart.umd.min.js"));
        assertSecurityHeaders(index);
        assertEquals("no-cache", index.header("Cache-Control"), "a page kept by the browser is checked again");
        Answer chart = client.get("/lib/dist/chart.umd.min.js", session);
        assertEquals(200, chart.status());
        assertTrue(chart.body().contains("Chart.js v4.5.1"), "the WebJar's Chart.js");
        Answer root = client.get("/", session);
        assertEquals(302, root.status());
        assertTrue(root.header("Location").endsWith("/index.html"));
    }

    @Test
    void theOpenApiDescriptionListsExactlyTheServletsRoutes() throws Exception {
        Session admin = client.session(ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
        Set<String> documented = documentedRoutes();
        Set<String> served = new TreeSet<>();
        client.send("OPTIONS", "/api", null, admin, false).json().getAsJsonObject().getAsJsonArray("routes")
                .forEach(route -> served.add(route.getAsString()));
        assertEquals(served, documented);

        for (String route : documented) {
            if (route.equals("POST /api/logout")) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            Answer answer = client.send(method, example(template), method.equals("GET") || method.equals("OPTIONS")
                    ? null : Map.of("lang", "en"), admin, true);
            assertEquals(template, answer.header("X-Moneytree-Route"), route + " answered " + answer);
        }
        Answer unknown = client.get("/api/no-such-thing", admin);
        assertEquals(404, unknown.status());
        assertTrue(unknown.error().startsWith("No such API route"), unknown.error());
    }

    private static Set<String> documentedRoutes() throws Exception {
        Session session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
        Answer answer = client.get("/api/openapi.json", session);
        assertEquals(200, answer.status(), answer.toString());
        JsonObject spec = answer.json().getAsJsonObject();
        assertEquals("3.1.0", spec.get("openapi").getAsString());
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<String, JsonElement> path : spec.getAsJsonObject("paths").entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                routes.add(method.toUpperCase() + " " + path.getKey());
            }
        }
        return routes;
    }

    /** A path for a template, with harmless values: a view that exists, users and plugins that do not. */
    private static String example(String template) {
        return template.replace("{id}", "echo").replace("{dataset}", "demo").replace("{name}", "nobody-at-all")
                .replace("{feature}", "no.such.feature") + (template.startsWith("/api/views/") || template.endsWith(".pdf")
                        || template.endsWith("/customers") ? "?dataset=demo&period=2024" : "");
    }

    private static JsonObject listedView(Session session, String id, String lang) throws Exception {
        Answer answer = client.get("/api/views?lang=" + lang, session);
        assertEquals(200, answer.status(), answer.toString());
        for (JsonElement view : answer.json().getAsJsonArray()) {
            if (view.getAsJsonObject().get("id").getAsString().equals(id)) {
                return view.getAsJsonObject();
            }
        }
        return null;
    }

    private static void assertRefused(Session session, String path, int status, String message) throws Exception {
        Answer answer = client.get(path, session);
        assertEquals(status, answer.status(), path + ": " + answer);
        assertTrue(answer.error().contains(message), path + ": " + answer.error());
    }

    private static void assertSecurityHeaders(Answer answer) {
        assertTrue(answer.header("Content-Security-Policy").startsWith("default-src 'self'"),
                answer.header("Content-Security-Policy"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertEquals("DENY", answer.header("X-Frame-Options"));
    }
}
