package org.moneytree.persistence.internal;

import org.moneytree.api.archive.Contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stored contact person. */
@Entity
@Table(name = "MT_CONTACT")
public class ContactEntity extends ArchiveEntity<Contact> {

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "ROLE_NAME", length = 200)
    private String role;

    @Column(name = "EMAIL", length = 200)
    private String email;

    @Column(name = "PHONE", length = 100)
    private String phone;

    @Override
    Contact toRecord() {
        return new Contact(customerId(), name, role, email, phone);
    }

    @Override
    void apply(Contact contact) {
        customerId(contact.customerId());
        name = contact.name();
        role = contact.role();
        email = contact.email();
        phone = contact.phone();
    }
}
