package org.moneytree.persistence.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerStatus;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** A stored customer account. */
@Entity
@Table(name = "MT_CUSTOMER")
public class CustomerEntity extends ArchiveEntity<Customer> {

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "INDUSTRY", length = 100)
    private String industry;

    @Column(name = "REGION", length = 100)
    private String region;

    @Column(name = "PARENT_ID", length = 100)
    private String parentId;

    @Column(name = "FIRST_CONTACT")
    private LocalDate firstContact;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "OWNER_NAME", length = 200)
    private String owner;

    // Fetched for a whole page of customers in one query each, not one query per customer.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = 1000)
    @CollectionTable(name = "MT_ACCOUNT_TEAM", joinColumns = @JoinColumn(name = "CUSTOMER_ROW"))
    @OrderColumn(name = "POSITION")
    @Column(name = "MEMBER_NAME", length = 200, nullable = false)
    private List<String> accountTeam = new ArrayList<>();

    @Override
    Customer toRecord() {
        return new Customer(customerId(), name, industry, region, parentId, firstContact,
                CustomerStatus.parse(status), owner, accountTeam);
    }

    @Override
    void apply(Customer customer) {
        customerId(customer.id());
        name = customer.name();
        industry = customer.industry();
        region = customer.region();
        parentId = customer.parentId();
        firstContact = customer.firstContact();
        status = customer.status().id();
        owner = customer.owner();
        accountTeam = new ArrayList<>(customer.accountTeam());
    }
}
