package org.moneytree.users.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id (Bouncy Castle's generator): a 16-byte random salt per password,
 * a 32-byte hash, the result as a PHC string. The password's UTF-8 bytes are cleared as soon as they are
 * hashed.
 */
final class PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final Argon2Settings settings;
    private final SecureRandom random;

    PasswordHasher(Argon2Settings settings, SecureRandom random) {
        this.settings = settings;
        this.random = random;
    }

    Argon2Settings settings() {
        return settings;
    }

    /** A new PHC string for the password, with a fresh salt and the configured parameters. */
    String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PhcHash(settings, salt, argon2(password, salt, settings, HASH_BYTES)).format();
    }

    /**
     * A PHC string that no password matches (its hash is random bytes, not a hash of anything), for logins with
     * unknown names to verify against: it costs one hash with the configured parameters, as a real one does,
     * without spending one to make it.
     */
    String dummy() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(hash);
        return new PhcHash(settings, salt, hash).format();
    }

    /**
     * Whether the password is the one hashed, compared in constant time. A string that is not an Argon2id PHC
     * string matches no password.
     */
    static boolean verify(char[] password, String phc) {
        Optional<PhcHash> parsed = PhcHash.parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        PhcHash expected = parsed.get();
        byte[] actual = argon2(password, expected.salt(), expected.settings(), expected.hash().length);
        return MessageDigest.isEqual(actual, expected.hash());
    }

    /** Whether a kept hash was made with other parameters than the configured ones (or is not readable). */
    boolean outdated(String phc) {
        return PhcHash.parse(phc).map(hash -> !hash.settings().equals(settings)).orElse(true);
    }

    static byte[] argon2(char[] password, byte[] salt, Argon2Settings settings, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKiB())
                .withIterations(settings.iterations())
                .withParallelism(settings.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] bytes = utf8(password);
        try {
            byte[] out = new byte[length];
            generator.generateBytes(bytes, out);
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The password's UTF-8 bytes, without going through a String (which could not be cleared). A lone surrogate
     * is encoded as a replacement, as a String would be.
     */
    static byte[] utf8(char[] password) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer buffer;
        try {
            buffer = encoder.encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 cannot encode the password", e);
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
