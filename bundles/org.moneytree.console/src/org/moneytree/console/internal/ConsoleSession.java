package org.moneytree.console.internal;

import java.util.Locale;

import org.moneytree.api.user.Role;

/**
 * A logged-in user of the console: who, with which role, the token that state-changing requests must repeat
 * (CSRF) and the language of the texts. The role and language may change while the session lasts.
 */
final class ConsoleSession {

    private final String id;
    private final String name;
    private final String csrf;
    private volatile Role role;
    private volatile Locale locale;
    private volatile long lastSeenNanos;

    ConsoleSession(String id, String name, Role role, String csrf, Locale locale, long nowNanos) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.csrf = csrf;
        this.locale = locale;
        this.lastSeenNanos = nowNanos;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    void role(Role changed) {
        role = changed;
    }

    boolean admin() {
        return role == Role.ADMIN;
    }

    String csrf() {
        return csrf;
    }

    Locale locale() {
        return locale;
    }

    void locale(Locale changed) {
        locale = changed;
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    void seen(long nowNanos) {
        lastSeenNanos = nowNanos;
    }
}
