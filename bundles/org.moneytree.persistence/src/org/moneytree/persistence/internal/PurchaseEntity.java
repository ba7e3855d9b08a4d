package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A stored purchase line. The purchase key identifies the line across imports (see {@link PurchaseKeys}),
 * which is what makes a re-import add nothing.
 */
@Entity
@Table(name = "MT_PURCHASE",
        uniqueConstraints = @UniqueConstraint(name = "MT_PURCHASE_KEY", columnNames = { "DATASET", "PURCHASE_KEY" }),
        indexes = @Index(name = "MT_PURCHASE_CUSTOMER", columnList = "DATASET, CUSTOMER_ID"))
public class PurchaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "MT_PURCHASE_SEQ")
    @SequenceGenerator(name = "MT_PURCHASE_SEQ", sequenceName = "MT_PURCHASE_SEQ", allocationSize = 1000)
    @Column(name = "ID")
    private long id;

    @Column(name = "DATASET", length = 100, nullable = false)
    private String dataset;

    @Column(name = "PURCHASE_KEY", length = 64, nullable = false)
    private String purchaseKey;

    @Column(name = "CUSTOMER_ID", length = 100, nullable = false)
    private String customerId;

    @Column(name = "PURCHASE_DATE", nullable = false)
    private LocalDate purchaseDate;

    @Column(name = "QUANTITY", precision = 19, scale = 4, nullable = false)
    private BigDecimal quantity;

    @Column(name = "REVENUE", precision = 19, scale = 2, nullable = false)
    private BigDecimal revenue;

    @Column(name = "ORDER_ID", length = 100)
    private String orderId;

    protected PurchaseEntity() {
        // for JPA
    }

    PurchaseEntity(String dataset, String purchaseKey, String customerId, LocalDate purchaseDate, BigDecimal quantity,
            BigDecimal revenue, String orderId) {
        this.dataset = dataset;
        this.purchaseKey = purchaseKey;
        this.customerId = customerId;
        this.purchaseDate = purchaseDate;
        this.quantity = quantity;
        this.revenue = revenue;
        this.orderId = orderId;
    }
}
