package org.moneytree.persistence.internal;

import java.time.LocalDate;

import org.moneytree.api.archive.Expectation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stored version of an expectation. */
@Entity
@Table(name = "MT_EXPECTATION")
public class ExpectationEntity extends ArchiveEntity<Expectation> {

    @Column(name = "TOPIC", length = 200, nullable = false)
    private String topic;

    @Column(name = "EXPECTATION", length = 4000, nullable = false)
    private String text;

    @Column(name = "VALID_FROM", nullable = false)
    private LocalDate validFrom;

    @Column(name = "RECORDED_BY", length = 200)
    private String recordedBy;

    @Override
    Expectation toRecord() {
        return new Expectation(customerId(), topic, text, validFrom, recordedBy);
    }

    @Override
    void apply(Expectation expectation) {
        customerId(expectation.customerId());
        topic = expectation.topic();
        text = expectation.text();
        validFrom = expectation.validFrom();
        recordedBy = expectation.recordedBy();
    }
}
