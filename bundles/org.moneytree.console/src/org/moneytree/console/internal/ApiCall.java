package org.moneytree.console.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** One API request as a handler sees it: the session, the path's variables, parameters, body, language. */
final class ApiCall {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ConsoleSession session;
    private final Map<String, String> variables;
    private final Messages messages;

    ApiCall(HttpServletRequest request, HttpServletResponse response, ConsoleSession session,
            Map<String, String> variables, Messages messages) {
        this.request = request;
        this.response = response;
        this.session = session;
        this.variables = variables;
        this.messages = messages;
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    /** The caller's session; {@code null} only for {@code POST /api/login}. */
    ConsoleSession session() {
        return session;
    }

    String variable(String name) {
        return variables.get(name);
    }

    /** A query parameter, or {@code null} when absent or blank. */
    String parameter(String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    Messages messages() {
        return messages;
    }

    Locale locale() {
        return messages.locale();
    }

    /** The request body as a JSON object. */
    JsonObject body() throws ApiException {
        try (Reader reader = request.getReader()) {
            JsonElement element = JsonParser.parseReader(reader);
            if (!element.isJsonObject()) {
                throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, messages.get("badJson", "an object {...}"));
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException | IOException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, messages.get("badJson", e.getMessage()));
        }
    }

    /** A text field of a JSON body, or {@code null} when absent. */
    static String text(JsonObject body, String field) {
        JsonElement value = body.get(field);
        return value == null || value.isJsonNull() ? null : value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    /** A text field the body must have. */
    String required(JsonObject body, String field) throws ApiException {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, messages.get("missingField", field));
        }
        return value;
    }
}
