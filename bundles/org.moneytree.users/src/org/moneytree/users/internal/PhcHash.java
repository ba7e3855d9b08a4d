package org.moneytree.users.internal;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, salt and hash in
 * standard Base64 without padding), as the reference implementation writes it: the parameters travel with the
 * hash, so they can change without invalidating the hashes kept.
 */
record PhcHash(Argon2Settings settings, byte[] salt, byte[] hash) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    /** The hash that the string encodes, or empty when it is not an Argon2id (version 1.3) PHC string. */
    static Optional<PhcHash> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Settings settings = new Argon2Settings(Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            return Optional.of(new PhcHash(settings, Base64.getDecoder().decode(matcher.group(4)),
                    Base64.getDecoder().decode(matcher.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String format() {
        return "$argon2id$v=19$m=" + settings.memoryKiB() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Secrets stay out of logs. */
    @Override
    public String toString() {
        return "PhcHash[" + settings + "]";
    }
}
