package org.moneytree.persistence.internal;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dataset: one client's purchases, in one currency. */
@Entity
@Table(name = "MT_DATASET")
public class DatasetEntity {

    @Id
    @Column(name = "NAME", length = 100)
    private String name;

    // UTC: JPA 3.1 maps no Instant.
    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    // The generation of its purchases that readers see; null until the first load has finished.
    @Column(name = "GENERATION")
    private Long generation;

    protected DatasetEntity() {
        // for JPA
    }

    DatasetEntity(String name, LocalDateTime createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    String name() {
        return name;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    Long generation() {
        return generation;
    }
}
