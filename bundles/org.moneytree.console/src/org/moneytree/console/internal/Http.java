package org.moneytree.console.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What the filter and the API servlet share: the session cookie, JSON answers, the caller's language. */
final class Http {

    /** The session cookie. */
    static final String COOKIE = "MONEYTREE_SESSION";
    /** The header that carries the session's CSRF token on state-changing requests. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The request attribute under which the filter leaves the caller's {@link ConsoleSession}. */
    static final String SESSION_ATTRIBUTE = ConsoleSession.class.getName();

    private Http() {
    }

    /** The path inside the console, without the servlet context's path. */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
        return path.isEmpty() ? "/" : path;
    }

    static String sessionId(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Sets the session cookie: not readable by scripts, sent only to this site, over https only if it came so. */
    static void setSessionCookie(HttpServletRequest request, HttpServletResponse response, String value) {
        StringBuilder cookie = new StringBuilder(COOKIE).append('=').append(value == null ? "" : value)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (value == null) {
            cookie.append("; Max-Age=0");
        }
        if (request.isSecure()) {
            cookie.append("; Secure");
        }
        response.addHeader("Set-Cookie", cookie.toString());
    }

    static boolean stateChanging(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /** The caller's language when no session names one: {@code lang}, else the browser's first choice. */
    static Locale requestedLocale(HttpServletRequest request) {
        Locale asked = Messages.language(request.getParameter("lang"));
        if (asked != null) {
            return asked;
        }
        Locale browser = request.getLocale();
        return Messages.chinese(browser) ? Messages.CHINESE : Locale.ENGLISH;
    }

    static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (Writer writer = response.getWriter()) {
            Json.GSON.toJson(body, writer);
        }
    }

    /** JSON written before, as UTF-8 bytes. */
    static void json(HttpServletResponse response, int status, byte[] json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(json.length);
        try (var out = response.getOutputStream()) {
            out.write(json);
        }
    }

    /**
     * Reads and drops what is left of a request's body (up to 1 MB) before an early answer: Jetty closes a
     * connection whose request body was not read, and a client that reuses it then finds it gone.
     */
    static void drain(HttpServletRequest request) {
        try {
            request.getInputStream().skipNBytes(Math.min(Math.max(0, request.getContentLengthLong()), 1 << 20));
        } catch (IOException | IllegalStateException e) {
            // a body read already, or none: nothing to drop
        }
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, Map.of("error", message));
    }
}
