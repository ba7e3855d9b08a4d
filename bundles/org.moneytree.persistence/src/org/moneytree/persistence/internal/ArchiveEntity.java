package org.moneytree.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/**
 * What every stored archive record has: its dataset, its customer and its record key, the digest of its
 * identity that makes a re-import update instead of duplicate. Subclasses convert to and from the API's
 * record type, so that no entity leaves this bundle.
 *
 * @param <R> the record type
 */
@MappedSuperclass
public abstract class ArchiveEntity<R> {

    @Id
    @SequenceGenerator(name = "archiveId", sequenceName = "MT_ARCHIVE_ID", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archiveId")
    @Column(name = "ID")
    private Long id;

    @Column(name = "DATASET", length = 100, nullable = false)
    private String dataset;

    @Column(name = "RECORD_KEY", length = 64, nullable = false)
    private String recordKey;

    @Column(name = "CUSTOMER_ID", length = 100, nullable = false)
    private String customerId;

    protected ArchiveEntity() {
        // for JPA
    }

    final void identify(String dataset, String recordKey) {
        this.dataset = dataset;
        this.recordKey = recordKey;
    }

    final long id() {
        return id;
    }

    final String recordKey() {
        return recordKey;
    }

    final void customerId(String customerId) {
        this.customerId = customerId;
    }

    final String customerId() {
        return customerId;
    }

    /** The stored values as the API's record. */
    abstract R toRecord();

    /** Takes the record's values (its identity stays). */
    abstract void apply(R record);
}
