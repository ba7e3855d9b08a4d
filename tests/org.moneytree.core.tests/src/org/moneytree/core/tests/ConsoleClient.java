package org.moneytree.core.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/** Requests to the console as a browser makes them: the session cookie, and the CSRF token when asked to. */
final class ConsoleClient {

    /** A logged-in browser: its cookie and the session's CSRF token. */
    record Session(String cookie, String csrf) {
    }

    /** An answer: status, headers, body. */
    record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        JsonElement json() {
            return JsonParser.parseString(body);
        }

        String error() {
            return json().getAsJsonObject().get("error").getAsString();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static final Gson GSON = new Gson();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ConsoleClient(String base) {
        this.base = base;
    }

    Answer login(String name, String password) throws IOException, InterruptedException {
        return send("POST", "/api/login", Map.of("name", name, "password", password), null, false);
    }

    /** Logs in and answers the session, failing the test when the login is refused. */
    Session session(String name, String password) throws IOException, InterruptedException {
        Answer answer = login(name, password);
        if (answer.status() != 200) {
            throw new AssertionError("login of " + name + " refused: " + answer);
        }
        return new Session(cookie(answer), answer.json().getAsJsonObject().get("csrf").getAsString());
    }

    static String cookie(Answer answer) {
        String header = answer.header("Set-Cookie");
        return header == null ? null : header.substring(0, header.indexOf(';'));
    }

    Answer get(String path, Session session) throws IOException, InterruptedException {
        return send("GET", path, null, session, false);
    }

    /** A request; {@code withCsrf} adds the session's token as a page's script does. */
    Answer send(String method, String path, Object body, Session session, boolean withCsrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(GSON.toJson(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (session != null) {
            request.header("Cookie", session.cookie());
            if (withCsrf) {
                request.header("X-CSRF-Token", session.csrf());
            }
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers(), response.body());
    }
}
