package org.moneytree.console.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Guards every page and API call of the console: security headers on every answer; without a live session
 * only the login page (and what it loads) and {@code POST /api/login} answer, the API with 401 and pages with
 * a redirect to the login page; a state-changing request must repeat the session's CSRF token in
 * {@value Http#CSRF_HEADER}, else 403.
 */
@Component(service = jakarta.servlet.Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=moneytree-console-security" })
public final class SecurityFilter implements Filter {

    /** What the login page needs before anyone has logged in. */
    private static final Set<String> PUBLIC_PAGES = Set.of("/login.html", "/css/console.css", "/js/login.js",
            "/js/i18n.js", "/js/http.js", "/js/dom.js", "/favicon.svg");

    private final SessionStore sessions;

    @Activate
    public SecurityFilter(@Reference SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = Http.path(request);
        boolean api = path.equals("/api") || path.startsWith("/api/");
        // The pages load only their own scripts, styles and images, and no other site may frame them.
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        // Answers are the user's data; pages are asked for again each time (a 304 when unchanged), so that a page
        // kept by the browser never runs after the session ended: its scripts would meet the login redirect.
        response.setHeader("Cache-Control", api ? "no-store" : "no-cache");

        if (PUBLIC_PAGES.contains(path) || api && path.equals("/api/login") && "POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ConsoleSession> found = sessions.find(Http.sessionId(request));
        if (found.isEmpty()) {
            Http.drain(request);
            if (api) {
                Http.error(response, HttpServletResponse.SC_UNAUTHORIZED,
                        new Messages(Http.requestedLocale(request)).get("noSession"));
            } else {
                response.sendRedirect(request.getContextPath() + "/login.html");
            }
            return;
        }
        ConsoleSession session = found.get();
        if (Http.stateChanging(request.getMethod())
                && !constantTimeEquals(session.csrf(), request.getHeader(Http.CSRF_HEADER))) {
            Http.drain(request);
            Http.error(response, HttpServletResponse.SC_FORBIDDEN, new Messages(session.locale()).get("csrf"));
            return;
        }
        request.setAttribute(Http.SESSION_ATTRIBUTE, session);
        if (path.equals("/")) {
            response.sendRedirect(request.getContextPath() + "/index.html");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return given != null && java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
