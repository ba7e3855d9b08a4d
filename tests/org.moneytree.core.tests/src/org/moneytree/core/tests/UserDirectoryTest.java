package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moneytree.api.user.Role;
import org.moneytree.api.user.StoredUser;
import org.moneytree.api.user.User;
import org.moneytree.api.user.UserDirectory;
import org.moneytree.api.user.UserException;
import org.moneytree.api.user.UserStore;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The console's users through {@link UserDirectory}, kept in the configured database (H2, or PostgreSQL in that
 * run): logins, passwords, roles, the last admin, the first admin, and the Argon2id hashes as kept.
 */
class UserDirectoryTest {

    private static final String PID = "org.moneytree.users";
    private static final String DEFAULT_HASH_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

    private final UserStore store = Services.get(UserStore.class);

    @BeforeEach
    void noUsers() {
        for (StoredUser user : store.all()) {
            store.delete(user.name());
        }
    }

    /** The directory as registered now: a configuration change re-creates it. */
    private static UserDirectory directory() {
        return Services.get(UserDirectory.class);
    }

    private static char[] pw(String password) {
        return password.toCharArray();
    }

    private static User create(String name, Role role, String password) throws UserException {
        return directory().create(name, role, pw(password));
    }

    private String hashOf(String name) {
        return store.find(name).orElseThrow().passwordHash();
    }

    @Test
    void aUserLogsInWithItsPasswordOnly() throws UserException {
        Instant before = Instant.now().minusSeconds(1);
        User created = create("erik.berg@example.com", Role.ADMIN, "correct horse battery");
        assertEquals(new User("erik.berg@example.com", Role.ADMIN, created.created(), null), created);
        assertFalse(created.created().isBefore(before));

        Optional<User> in = directory().authenticate("erik.berg@example.com", pw("correct horse battery"));
        assertTrue(in.isPresent());
        assertEquals(Role.ADMIN, in.get().role());
        assertFalse(in.get().lastLogin().isBefore(created.created()));
        assertEquals(in.get().lastLogin(), directory().user("erik.berg@example.com").orElseThrow().lastLogin(),
                "the login time is kept");

        assertEquals(Optional.empty(), directory().authenticate("erik.berg@example.com", pw("correct horse batterY")));
        assertEquals(Optional.empty(), directory().authenticate("erik.berg@example.com", pw("")));
        assertEquals(Optional.empty(), directory().authenticate("ERIK.BERG@example.com", pw("correct horse battery")));
        assertEquals(Optional.empty(), directory().authenticate("nobody", pw("correct horse battery")));
        assertEquals(Optional.empty(), directory().authenticate("not a name", pw("correct horse battery")));
        assertEquals(Optional.empty(), directory().authenticate(null, pw("correct horse battery")));
    }

    @Test
    void usersAreListedByNameWithoutTheirHashes() throws UserException {
        create("zoe", Role.ADMIN, "0123456789");
        create("Anna", Role.ANALYST, "0123456789");
        create("bo", Role.ANALYST, "0123456789");
        List<User> users = directory().users();
        assertEquals(List.of("Anna", "bo", "zoe"), users.stream().map(User::name).toList());
        assertEquals(List.of(Role.ANALYST, Role.ANALYST, Role.ADMIN), users.stream().map(User::role).toList());
        assertNull(users.get(0).lastLogin());
        assertEquals(Optional.empty(), directory().user("nobody"));
        assertFalse(store.find("zoe").orElseThrow().toString().contains("argon2"), "hashes stay out of toString");
    }

    @Test
    void theHashIsAnArgon2idPhcStringWithItsOwnSalt() throws UserException {
        create("first", Role.ADMIN, "same password");
        create("second", Role.ANALYST, "same password");
        String first = hashOf("first");
        String second = hashOf("second");
        assertTrue(first.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertFalse(first.contains("same password"));
        assertNotEquals(first, second, "every password has its own salt");
        assertNotEquals(first.split("\\$")[4], second.split("\\$")[4]);
    }

    @Test
    void aChangedPasswordReplacesTheOldOne() throws UserException {
        create("erik", Role.ADMIN, "first password");
        String before = hashOf("erik");
        directory().changePassword("erik", pw("second password"));
        assertNotEquals(before, hashOf("erik"));
        assertEquals(Optional.empty(), directory().authenticate("erik", pw("first password")));
        assertTrue(directory().authenticate("erik", pw("second password")).isPresent());

        UserException tooShort = assertThrows(UserException.class, () -> directory().changePassword("erik", pw("short")));
        assertEquals("the password is too short: use at least 10 characters", tooShort.getMessage());
        UserException unknown = assertThrows(UserException.class,
                () -> directory().changePassword("nobody", pw("long enough password")));
        assertEquals("there is no user 'nobody'", unknown.getMessage());
    }

    @Test
    void passwordArraysAreLeftToTheCaller() throws UserException {
        char[] password = pw("correct horse battery");
        directory().create("erik", Role.ADMIN, password);
        assertArrayEquals(pw("correct horse battery"), password);
        assertTrue(directory().authenticate("erik", password).isPresent());
        assertArrayEquals(pw("correct horse battery"), password);
    }

    @Test
    void rolesChangeButTheLastAdminStays() throws UserException {
        create("alice", Role.ADMIN, "0123456789");
        create("bob", Role.ANALYST, "0123456789");
        assertEquals(Role.ADMIN, directory().changeRole("bob", Role.ADMIN).role());
        assertEquals(Role.ANALYST, directory().changeRole("alice", Role.ANALYST).role());
        assertEquals(Role.ANALYST, directory().user("alice").orElseThrow().role());
        assertEquals(Role.ANALYST, directory().authenticate("alice", pw("0123456789")).orElseThrow().role());

        UserException demote = assertThrows(UserException.class, () -> directory().changeRole("bob", Role.ANALYST));
        assertEquals("'bob' is the last admin and must stay one: make another user an admin first", demote.getMessage());
        UserException remove = assertThrows(UserException.class, () -> directory().delete("bob"));
        assertEquals("'bob' is the last admin and cannot be removed: make another user an admin first",
                remove.getMessage());
        assertEquals(Role.ADMIN, directory().changeRole("bob", Role.ADMIN).role(), "an admin may stay admin");

        directory().delete("alice");
        assertEquals(List.of("bob"), directory().users().stream().map(User::name).toList());
        assertEquals(Optional.empty(), directory().authenticate("alice", pw("0123456789")));
        assertEquals("there is no user 'alice'",
                assertThrows(UserException.class, () -> directory().delete("alice")).getMessage());
        assertEquals("there is no user 'alice'",
                assertThrows(UserException.class, () -> directory().changeRole("alice", Role.ADMIN)).getMessage());
    }

    @Test
    void theFirstUserIsAnAdminAndNamesAreTakenOnce() throws UserException {
        UserException first = assertThrows(UserException.class, () -> create("bob", Role.ANALYST, "0123456789"));
        assertTrue(first.getMessage().startsWith("there is no admin yet: the first user must be an admin"),
                first.getMessage());
        create("alice", Role.ADMIN, "0123456789");
        UserException taken = assertThrows(UserException.class, () -> create("alice", Role.ANALYST, "9876543210"));
        assertEquals("user 'alice' exists already", taken.getMessage());
        assertTrue(directory().authenticate("alice", pw("0123456789")).isPresent(), "the first alice is unchanged");
    }

    @Test
    void malformedNamesAreRefused() throws UserException {
        String tooLong = "a".repeat(65);
        for (String name : Arrays.asList("", "has space", tooLong, "名字", "a/b", "tab\t", "semi;colon", null)) {
            UserException refused = assertThrows(UserException.class, () -> create(name, Role.ADMIN, "0123456789"),
                    "name " + name);
            assertEquals("user name '" + name + "' is not allowed: use 1 to 64 letters, digits, '.', '_', '-' or '@'",
                    refused.getMessage());
        }
        assertTrue(directory().users().isEmpty());
        create("a".repeat(64), Role.ADMIN, "0123456789");
        create("A.b_c-d@e9", Role.ANALYST, "0123456789");
        create("x", Role.ANALYST, "0123456789");
        assertEquals(3, directory().users().size());
    }

    @Test
    void shortPasswordsAreRefused() throws UserException {
        assertEquals(10, UserDirectory.MIN_PASSWORD);
        UserException nine = assertThrows(UserException.class, () -> create("alice", Role.ADMIN, "123456789"));
        assertEquals("the password is too short: use at least 10 characters", nine.getMessage());
        // Ten chars, five characters: each emoji is a surrogate pair.
        assertThrows(UserException.class, () -> create("alice", Role.ADMIN, "😀😀😀😀😀"));
        assertThrows(UserException.class, () -> directory().create("alice", Role.ADMIN, null));
        assertTrue(directory().users().isEmpty());
        create("alice", Role.ADMIN, "十个汉字的密码很好记住");
        assertTrue(directory().authenticate("alice", pw("十个汉字的密码很好记住")).isPresent());
    }

    @Test
    void theFirstAdminIsGeneratedOnceOnly() throws UserException {
        Optional<String> generated = directory().createFirstAdmin();
        assertTrue(generated.isPresent());
        String password = generated.get();
        assertEquals(20, password.length());
        assertTrue(password.matches("[A-HJ-NP-Za-hjkmnp-z2-9]{20}"), password);
        assertEquals(List.of("admin"), directory().users().stream().map(User::name).toList());
        assertEquals(Role.ADMIN, directory().authenticate("admin", pw(password)).orElseThrow().role());

        assertEquals(Optional.empty(), directory().createFirstAdmin(), "there are users now");
        assertEquals(1, directory().users().size());
        assertTrue(directory().authenticate("admin", pw(password)).isPresent(), "the first password still holds");
    }

    @Test
    void noFirstAdminWhenThereAreUsers() throws UserException {
        create("alice", Role.ADMIN, "0123456789");
        assertEquals(Optional.empty(), directory().createFirstAdmin());
        assertEquals(List.of("alice"), directory().users().stream().map(User::name).toList());
    }

    @Test
    void theConfiguredFirstAdminIsCreated() throws Exception {
        Configuration configuration = Services.get(ConfigurationAdmin.class).getConfiguration(PID, "?");
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("adminName", "chief");
            properties.put("adminPassword", "configured secret");
            configuration.update(properties);
            awaitProperty("adminName", "chief");
            assertEquals(Optional.empty(), directory().createFirstAdmin(), "the configured password is not shown");
            assertEquals(Role.ADMIN, directory().authenticate("chief", pw("configured secret")).orElseThrow().role());
            assertEquals(List.of("chief"), directory().users().stream().map(User::name).toList());

            noUsers();
            properties.put("adminPassword", "too short");
            configuration.update(properties);
            awaitProperty("adminPassword", "too short");
            UserException refused = assertThrows(UserException.class, () -> directory().createFirstAdmin());
            assertEquals("configuration org.moneytree.users: adminPassword is too short: use at least 10 characters",
                    refused.getMessage());
            assertTrue(directory().users().isEmpty());
        } finally {
            configuration.delete();
            awaitProperty("adminName", "admin");
        }
    }

    @Test
    void hashParametersComeFromConfiguration() throws Exception {
        create("early", Role.ADMIN, "early password");
        assertTrue(hashOf("early").startsWith(DEFAULT_HASH_PREFIX), hashOf("early"));
        Configuration configuration = Services.get(ConfigurationAdmin.class).getConfiguration(PID, "?");
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("memoryKiB", 1024);
            properties.put("iterations", 1);
            properties.put("parallelism", 2);
            configuration.update(properties);
            awaitProperty("memoryKiB", 1024);
            create("later", Role.ANALYST, "later password");
            assertTrue(hashOf("later").startsWith("$argon2id$v=19$m=1024,t=1,p=2$"), hashOf("later"));
            assertTrue(directory().authenticate("later", pw("later password")).isPresent());

            // A hash kept with the old parameters still verifies, and is brought to the new ones at that login.
            assertTrue(directory().authenticate("early", pw("early password")).isPresent());
            assertTrue(hashOf("early").startsWith("$argon2id$v=19$m=1024,t=1,p=2$"), hashOf("early"));
            assertTrue(directory().authenticate("early", pw("early password")).isPresent());
        } finally {
            configuration.delete();
            awaitProperty("memoryKiB", 19456);
        }
        assertTrue(directory().authenticate("later", pw("later password")).isPresent(), "with the defaults back");
        assertTrue(hashOf("later").startsWith(DEFAULT_HASH_PREFIX), hashOf("later"));
    }

    /**
     * The reference implementation's Argon2id test vector (phc-winner-argon2, src/test.c: "password", salt
     * "somesalt", t=2, m=64 MiB, p=1), kept as a PHC string, verifies through the directory.
     */
    @Test
    void theReferenceImplementationsHashVerifies() {
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(store.insert(new StoredUser("reference", Role.ADMIN, reference, Instant.now(), null)));
        assertEquals(Optional.empty(), directory().authenticate("reference", pw("passwore")));
        assertEquals(reference, hashOf("reference"));
        assertTrue(directory().authenticate("reference", pw("password")).isPresent());
        assertTrue(hashOf("reference").startsWith(DEFAULT_HASH_PREFIX), "re-hashed with the configured parameters");

        assertTrue(store.insert(new StoredUser("damaged", Role.ADMIN, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ",
                Instant.now(), null)));
        assertEquals(Optional.empty(), directory().authenticate("damaged", pw("password")), "a damaged hash matches nothing");
    }

    /** Argon2id's test vector of RFC 9106, section 5.3, computed by the Bouncy Castle bundle the product runs. */
    @Test
    void bouncyCastleComputesTheRfc9106Vector() {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(32).withIterations(3)
                .withParallelism(4).withSalt(filled(16, 0x02)).withSecret(filled(8, 0x03))
                .withAdditional(filled(12, 0x04)).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[32];
        generator.generateBytes(filled(32, 0x01), tag);
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", HexFormat.of().formatHex(tag));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /**
     * A login for a name that does not exist costs a hash as a wrong password does, so its time tells nothing;
     * also reports the time of one hash with the default parameters. Minimum of five, against a busy machine.
     */
    @Test
    void anUnknownNameTakesAsLongAsAWrongPassword() throws UserException {
        create("alice", Role.ADMIN, "0123456789");
        UserDirectory directory = directory();
        directory.authenticate("alice", pw("warming up"));
        long wrong = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertTrue(directory.authenticate("alice", pw("wrong password")).isEmpty());
            wrong = Math.min(wrong, System.nanoTime() - start);
            start = System.nanoTime();
            assertTrue(directory.authenticate("nobody", pw("wrong password")).isEmpty());
            unknown = Math.min(unknown, System.nanoTime() - start);
        }
        System.out.printf("UserDirectoryTest: a failed login (one Argon2id hash, m=19456 KiB, t=2, p=1) takes %.1f ms"
                + " for a known name, %.1f ms for an unknown one (fastest of 5)%n", wrong / 1e6, unknown / 1e6);
        assertTrue(unknown > wrong / 3, "unknown " + unknown + " ns, wrong password " + wrong + " ns");
        assertTrue(wrong > unknown / 3, "unknown " + unknown + " ns, wrong password " + wrong + " ns");
    }

    /** Waits, service event by service event, until the directory is registered with the property's value. */
    private static void awaitProperty(String key, Object value) throws InterruptedException {
        Semaphore events = new Semaphore(0);
        ServiceListener listener = event -> events.release();
        Services.context().addServiceListener(listener);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!value.equals(property(key))) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !events.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new AssertionError("the user directory did not pick up " + key + "=" + value + " within 30 s");
                }
            }
        } finally {
            Services.context().removeServiceListener(listener);
        }
    }

    private static Object property(String key) {
        ServiceReference<UserDirectory> reference = Services.context().getServiceReference(UserDirectory.class);
        return reference == null ? null : reference.getProperty(key);
    }
}
