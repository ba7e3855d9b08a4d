package org.moneytree.console.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's routes: a method and a path template such as {@code /api/views/{id}/export.csv}, whether only
 * admins may call it, and its handler. A {@code {name}} segment matches one path segment, URL-decoded.
 */
final class ApiRouter {

    /** Answers a call; returns the JSON body, or {@link #WRITTEN} when it wrote the answer itself. */
    @FunctionalInterface
    interface Handler {
        Object handle(ApiCall call) throws Exception;
    }

    /** Returned by a handler that wrote its answer (a file) itself. */
    static final Object WRITTEN = new Object();

    record Route(String method, String template, boolean adminOnly, Handler handler) {
        /** {@code GET /api/views/{id}}, as in the OpenAPI description. */
        String name() {
            return method + " " + template;
        }
    }

    record Match(Route route, Map<String, String> variables) {
    }

    private final List<Route> routes = new ArrayList<>();

    ApiRouter add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, false, handler));
        return this;
    }

    ApiRouter admin(String method, String template, Handler handler) {
        routes.add(new Route(method, template, true, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Map<String, String> variables = variables(route.template(), path);
                if (variables != null) {
                    return Optional.of(new Match(route, variables));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route takes on this path, for {@code Allow}. */
    List<String> methods(String path) {
        return routes.stream().filter(route -> variables(route.template(), path) != null).map(Route::method)
                .distinct().toList();
    }

    private static Map<String, String> variables(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] given = path.split("/", -1);
        if (expected.length != given.length) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            String part = expected[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (given[i].isEmpty()) {
                    return null;
                }
                variables.put(part.substring(1, part.length() - 1), URLDecoder.decode(given[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!part.equals(given[i])) {
                return null;
            }
        }
        return variables;
    }
}
