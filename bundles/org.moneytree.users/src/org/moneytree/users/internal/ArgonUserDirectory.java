package org.moneytree.users.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.moneytree.api.user.Role;
import org.moneytree.api.user.StoredUser;
import org.moneytree.api.user.User;
import org.moneytree.api.user.UserDirectory;
import org.moneytree.api.user.UserException;
import org.moneytree.api.user.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The console's users on the {@link UserStore}, passwords hashed with Argon2id (see {@link PasswordHasher}) with
 * the parameters of configuration {@value #PID}. A login for a name that does not exist still computes one
 * hash, against a dummy with the configured parameters, so that the time taken does not tell which names
 * exist. Changes to roles and users are made one at a time, so that two changes cannot each leave the other
 * the last admin and remove it. A configuration change re-creates the component; its properties (the hash
 * parameters) are the service's.
 */
@Component(service = UserDirectory.class, configurationPid = ArgonUserDirectory.PID)
@Designate(ocd = UsersConfiguration.class)
public final class ArgonUserDirectory implements UserDirectory {

    static final String PID = "org.moneytree.users";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final String NAME_RULE = "use 1 to 64 letters, digits, '.', '_', '-' or '@'";
    /** Letters and digits that cannot be mistaken for one another when read off a screen (no 0, O, o, 1, I, i, l). */
    private static final char[] UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int GENERATED_LENGTH = 20;

    private final UserStore store;
    private final UsersConfiguration configuration;
    private final SecureRandom random = new SecureRandom();
    private final PasswordHasher hasher;
    private final String dummyHash;
    /** Each hash takes {@code memoryKiB} of heap: a burst of logins waits here instead of exhausting it. */
    private final Semaphore hashing = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    private final ReentrantLock changes = new ReentrantLock();

    @Activate
    public ArgonUserDirectory(@Reference UserStore store, UsersConfiguration configuration) {
        this.store = store;
        this.configuration = configuration;
        Argon2Settings settings;
        try {
            settings = new Argon2Settings(configuration.memoryKiB(), configuration.iterations(),
                    configuration.parallelism());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration " + PID + ": " + e.getMessage(), e);
        }
        hasher = new PasswordHasher(settings, random);
        dummyHash = hasher.dummy();
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) {
        Objects.requireNonNull(password, "password");
        Optional<StoredUser> found = name != null && NAME.matcher(name).matches() ? store.find(name) : Optional.empty();
        String hash = found.map(StoredUser::passwordHash).orElse(dummyHash);
        boolean matches = verify(password, hash);
        if (found.isEmpty() || !matches) {
            return Optional.empty();
        }
        StoredUser user = found.get();
        if (hasher.outdated(hash)) {
            // The password is at hand only now: bring its hash to the configured parameters.
            store.updateHash(user.name(), hash(password));
        }
        Instant now = now();
        store.recordLogin(user.name(), now);
        return Optional.of(new User(user.name(), user.role(), user.created(), now));
    }

    @Override
    public List<User> users() {
        return store.all().stream().map(StoredUser::user).toList();
    }

    @Override
    public Optional<User> user(String name) {
        return name == null || !NAME.matcher(name).matches() ? Optional.empty() : store.find(name).map(StoredUser::user);
    }

    @Override
    public User create(String name, Role role, char[] password) throws UserException {
        Objects.requireNonNull(role, "role");
        requireName(name);
        requirePassword(password);
        changes.lock();
        try {
            if (role != Role.ADMIN && store.countAdmins() == 0) {
                throw new UserException("there is no admin yet: the first user must be an admin, so that someone can"
                        + " manage the users");
            }
            if (store.find(name).isPresent()) {
                throw new UserException("user '" + name + "' exists already");
            }
            StoredUser user = new StoredUser(name, role, hash(password), now(), null);
            if (!store.insert(user)) {
                throw new UserException("user '" + name + "' exists already");
            }
            return user.user();
        } finally {
            changes.unlock();
        }
    }

    @Override
    public void changePassword(String name, char[] password) throws UserException {
        requireName(name);
        requirePassword(password);
        if (store.find(name).isEmpty()) {
            throw noSuchUser(name);
        }
        if (!store.updateHash(name, hash(password))) {
            throw noSuchUser(name);
        }
    }

    @Override
    public User changeRole(String name, Role role) throws UserException {
        Objects.requireNonNull(role, "role");
        requireName(name);
        changes.lock();
        try {
            StoredUser user = store.find(name).orElseThrow(() -> noSuchUser(name));
            if (user.role() == Role.ADMIN && role != Role.ADMIN && store.countAdmins() <= 1) {
                throw new UserException("'" + name + "' is the last admin and must stay one: make another user an"
                        + " admin first");
            }
            if (!store.updateRole(name, role)) {
                throw noSuchUser(name);
            }
            return new User(user.name(), role, user.created(), user.lastLogin());
        } finally {
            changes.unlock();
        }
    }

    @Override
    public void delete(String name) throws UserException {
        requireName(name);
        changes.lock();
        try {
            StoredUser user = store.find(name).orElseThrow(() -> noSuchUser(name));
            if (user.role() == Role.ADMIN && store.countAdmins() <= 1) {
                throw new UserException("'" + name + "' is the last admin and cannot be removed: make another user an"
                        + " admin first");
            }
            if (!store.delete(name)) {
                throw noSuchUser(name);
            }
        } finally {
            changes.unlock();
        }
    }

    @Override
    public Optional<String> createFirstAdmin() throws UserException {
        changes.lock();
        try {
            if (!store.all().isEmpty()) {
                return Optional.empty();
            }
            String name = configuration.adminName() == null ? "" : configuration.adminName().strip();
            if (name.isEmpty()) {
                name = "admin";
            }
            if (!NAME.matcher(name).matches()) {
                throw new UserException("configuration " + PID + ": adminName '" + name + "' is not allowed: "
                        + NAME_RULE);
            }
            String configured = configuration.adminPassword();
            boolean generated = configured == null || configured.isEmpty();
            char[] password = generated ? generatedPassword() : configured.toCharArray();
            try {
                if (tooShort(password)) {
                    throw new UserException("configuration " + PID + ": adminPassword is too short: use at least "
                            + MIN_PASSWORD + " characters");
                }
                if (!store.insertIfNone(new StoredUser(name, Role.ADMIN, hash(password), now(), null))) {
                    return Optional.empty();
                }
                return generated ? Optional.of(new String(password)) : Optional.empty();
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            changes.unlock();
        }
    }

    private static void requireName(String name) throws UserException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UserException("user name '" + name + "' is not allowed: " + NAME_RULE);
        }
    }

    private static void requirePassword(char[] password) throws UserException {
        if (password == null || tooShort(password)) {
            throw new UserException("the password is too short: use at least " + MIN_PASSWORD + " characters");
        }
    }

    private static boolean tooShort(char[] password) {
        return Character.codePointCount(password, 0, password.length) < MIN_PASSWORD;
    }

    private static UserException noSuchUser(String name) {
        return new UserException("there is no user '" + name + "'");
    }

    private String hash(char[] password) {
        hashing.acquireUninterruptibly();
        try {
            return hasher.hash(password);
        } finally {
            hashing.release();
        }
    }

    private boolean verify(char[] password, String hash) {
        hashing.acquireUninterruptibly();
        try {
            return PasswordHasher.verify(password, hash);
        } finally {
            hashing.release();
        }
    }

    private char[] generatedPassword() {
        char[] password = new char[GENERATED_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = UNAMBIGUOUS[random.nextInt(UNAMBIGUOUS.length)];
        }
        return password;
    }

    /** Times to the millisecond: what both databases keep. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
