package org.moneytree.console.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.moneytree.api.user.Role;
import org.moneytree.api.user.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The console's sessions, kept in memory (a restart logs everyone out), and the throttling of failed logins.
 * A session is known by a random token in an HttpOnly cookie; every login makes a new one, so a token seen
 * before login is never promoted to a logged-in session.
 */
@Component(service = SessionStore.class, configurationPid = SessionStore.PID)
@Designate(ocd = ConsoleConfiguration.class)
public final class SessionStore {

    static final String PID = "org.moneytree.console";

    private static final long MAX_LOCKOUT_SECONDS = 3600;
    private static final int MAX_THROTTLE_ENTRIES = 10_000;
    private static final int ADDRESS_FACTOR = 4;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private volatile long timeoutNanos;
    private volatile int maxFailedLogins;
    private volatile long lockoutNanos;

    /** Failed logins in a row for one name or one address, and until when logins from there are refused. */
    private record Failures(int count, long blockedUntilNanos, long lastNanos) {
    }

    @Activate
    public SessionStore(ConsoleConfiguration configuration) {
        configure(configuration);
    }

    @Modified
    void configure(ConsoleConfiguration configuration) {
        timeoutNanos = TimeUnit.MINUTES.toNanos(Math.max(1, configuration.sessionTimeoutMinutes()));
        maxFailedLogins = Math.max(1, configuration.maxFailedLogins());
        lockoutNanos = TimeUnit.SECONDS.toNanos(Math.max(1, configuration.lockoutSeconds()));
    }

    /** Starts a session for a user who just logged in, ending the one the browser had, if any. */
    ConsoleSession start(User user, Locale locale, String previousId) {
        if (previousId != null) {
            sessions.remove(previousId);
        }
        ConsoleSession session = new ConsoleSession(token(), user.name(), user.role(), token(), locale, System.nanoTime());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with that id, marked as used now; empty when unknown or idle too long. */
    Optional<ConsoleSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        ConsoleSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        if (now - session.lastSeenNanos() > timeoutNanos) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.seen(now);
        return Optional.of(session);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user who was removed. */
    void endAll(String name) {
        sessions.values().removeIf(session -> session.name().equals(name));
    }

    /** Gives a user's live sessions the new role at once, so that a demoted admin loses admin pages now. */
    void roleChanged(String name, Role role) {
        sessions.values().stream().filter(session -> session.name().equals(name)).forEach(session -> session.role(role));
    }

    /**
     * How many seconds logins for this name or from this address are still refused; 0 when they are not.
     */
    long blockedSeconds(String name, String address) {
        long now = System.nanoTime();
        long remaining = Math.max(remainingNanos(nameKey(name), now), remainingNanos(addressKey(address), now));
        return remaining > 0 ? Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining + 999_999_999L)) : 0;
    }

    void loginFailed(String name, String address) {
        long now = System.nanoTime();
        if (failures.size() > MAX_THROTTLE_ENTRIES) {
            failures.values().removeIf(entry -> now - entry.lastNanos() > TimeUnit.SECONDS.toNanos(MAX_LOCKOUT_SECONDS)
                    && now - entry.blockedUntilNanos() > 0);
        }
        // An address (a whole office behind one router) may fail more often than one name before it pauses.
        for (String key : new String[] { nameKey(name), addressKey(address) }) {
            int allowed = key.startsWith("address:") ? maxFailedLogins * ADDRESS_FACTOR : maxFailedLogins;
            failures.compute(key, (k, previous) -> {
                int count = previous == null ? 1 : previous.count() + 1;
                long blockedUntil = now;
                if (count >= allowed) {
                    int doublings = Math.min(20, count - allowed);
                    long lockout = Math.min(lockoutNanos << doublings, TimeUnit.SECONDS.toNanos(MAX_LOCKOUT_SECONDS));
                    blockedUntil = now + lockout;
                }
                return new Failures(count, blockedUntil, now);
            });
        }
    }

    void loginSucceeded(String name, String address) {
        failures.remove(nameKey(name));
        failures.remove(addressKey(address));
    }

    private long remainingNanos(String key, long now) {
        Failures entry = failures.get(key);
        return entry == null ? 0 : Math.max(0, entry.blockedUntilNanos() - now);
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
