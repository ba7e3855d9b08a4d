package org.moneytree.persistence.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.Contact;
import org.moneytree.api.archive.Contract;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.Expectation;
import org.moneytree.api.archive.Interaction;
import org.moneytree.api.archive.ServiceActivity;

/**
 * How one record type is stored: its entity and the identity that recognises it again on a re-import (see
 * {@link org.moneytree.api.archive.ArchiveLoad}). A record without a natural identity is identified by all
 * of its values, and equal records of one load are told apart by their occurrence number.
 *
 * @param <R> the record type
 * @param <E> its entity
 */
record ArchiveKind<R extends ArchiveRecord, E extends ArchiveEntity<R>>(Class<R> recordType, Class<E> entityType,
        Supplier<E> newEntity, Function<R, String> identity, Function<R, Boolean> numberedByOccurrence,
        String orderBy) {

    private static final char SEPARATOR = '\u001f';

    static final List<ArchiveKind<?, ?>> ALL = List.of(
            new ArchiveKind<>(Customer.class, CustomerEntity.class, CustomerEntity::new,
                    customer -> customer.id(), customer -> false, "e.customerId"),
            new ArchiveKind<>(Contact.class, ContactEntity.class, ContactEntity::new,
                    contact -> join(contact.customerId(), contact.name()), contact -> false, "e.customerId, e.name"),
            new ArchiveKind<>(ServiceActivity.class, ActivityEntity.class, ActivityEntity::new,
                    activity -> activity.activityId() != null ? join("id", activity.activityId())
                            : join("values", activity.customerId(), activity.date(), activity.type(),
                                    activity.quantity().stripTrailingZeros().toPlainString(), activity.note()),
                    activity -> activity.activityId() == null, "e.customerId, e.date"),
            new ArchiveKind<>(Contract.class, ContractEntity.class, ContractEntity::new,
                    contract -> contract.contractId(), contract -> false, "e.customerId, e.startDate"),
            new ArchiveKind<>(Interaction.class, InteractionEntity.class, InteractionEntity::new,
                    interaction -> interaction.interactionId() != null ? join("id", interaction.interactionId())
                            : join("values", interaction.customerId(), interaction.date(), interaction.type().id(),
                                    interaction.subject()),
                    interaction -> interaction.interactionId() == null, "e.customerId, e.date desc"),
            new ArchiveKind<>(Expectation.class, ExpectationEntity.class, ExpectationEntity::new,
                    expectation -> join(expectation.customerId(), expectation.topic(), expectation.validFrom()),
                    expectation -> false, "e.customerId, e.topic, e.validFrom"));

    @SuppressWarnings("unchecked")
    static <R extends ArchiveRecord> ArchiveKind<R, ArchiveEntity<R>> of(Class<R> recordType) {
        for (ArchiveKind<?, ?> kind : ALL) {
            if (kind.recordType.equals(recordType)) {
                return (ArchiveKind<R, ArchiveEntity<R>>) kind;
            }
        }
        throw new IllegalArgumentException(recordType.getName() + " is not a kind of archive record");
    }

    /** The entity's JPQL name. */
    String entityName() {
        return entityType.getSimpleName();
    }

    /**
     * The record as the database gives it back (amounts at their stored scale), so that a stored record and
     * an incoming one compare equal exactly when storing the incoming one would change nothing.
     */
    R canonical(R record) {
        E entity = newEntity.get();
        entity.apply(record);
        return entity.toRecord();
    }

    /** The record key: a digest of the identity, with the occurrence number where the kind needs one. */
    String recordKey(R record, MessageDigest digest, java.util.Map<String, Integer> occurrences) {
        String text = identity.apply(record);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Arrays.copyOf(digest.digest(text.getBytes(StandardCharsets.UTF_8)), 24));
        if (numberedByOccurrence.apply(record)) {
            return key + '#' + occurrences.merge(key, 1, Integer::sum);
        }
        return key;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String join(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part == null ? "" : part.toString()).append(SEPARATOR);
        }
        return text.toString();
    }
}
