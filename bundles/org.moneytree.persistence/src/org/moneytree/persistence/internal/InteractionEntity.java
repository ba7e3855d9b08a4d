package org.moneytree.persistence.internal;

import java.time.LocalDate;

import org.moneytree.api.archive.Interaction;
import org.moneytree.api.archive.InteractionType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stored interaction. */
@Entity
@Table(name = "MT_INTERACTION")
public class InteractionEntity extends ArchiveEntity<Interaction> {

    @Column(name = "INTERACTION_DATE", nullable = false)
    private LocalDate date;

    @Column(name = "INTERACTION_TYPE", length = 20, nullable = false)
    private String type;

    @Column(name = "SUBJECT", length = 200)
    private String subject;

    @Column(name = "NOTES", length = 4000)
    private String notes;

    @Column(name = "AUTHOR", length = 200)
    private String author;

    @Column(name = "INTERACTION_ID", length = 100)
    private String interactionId;

    @Override
    Interaction toRecord() {
        return new Interaction(customerId(), date, InteractionType.parse(type), subject, notes, author, interactionId);
    }

    @Override
    void apply(Interaction interaction) {
        customerId(interaction.customerId());
        date = interaction.date();
        type = interaction.type().id();
        subject = interaction.subject();
        notes = interaction.notes();
        author = interaction.author();
        interactionId = interaction.interactionId();
    }
}
