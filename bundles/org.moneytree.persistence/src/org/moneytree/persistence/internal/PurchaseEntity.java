package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored purchase line, as JPA reads it. Purchases are written in bulk by {@link JdbcPurchaseLoad}, with
 * set-based SQL, never one entity at a time.
 */
@Entity
@Table(name = "MT_PURCHASE")
public class PurchaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "DATASET", length = 100, nullable = false)
    private String dataset;

    // Only the dataset's visible generation is read; see V3__dataset_generations.sql.
    @Column(name = "GENERATION", nullable = false)
    private long generation;

    @Column(name = "PURCHASE_KEY", length = 64, nullable = false)
    private String purchaseKey;

    @Column(name = "CUSTOMER_ID", length = 100, nullable = false)
    private String customerId;

    @Column(name = "PURCHASE_DATE", nullable = false)
    private LocalDate purchaseDate;

    @Column(name = "ORDER_ID", length = 100)
    private String orderId;

    @Column(name = "PRODUCT", length = 200)
    private String product;

    @Column(name = "CATEGORY", length = 200)
    private String category;

    @Column(name = "QUANTITY", precision = 19, scale = 4, nullable = false)
    private BigDecimal quantity;

    @Column(name = "REVENUE", precision = 19, scale = 2, nullable = false)
    private BigDecimal revenue;

    @Column(name = "COST_OF_GOODS", precision = 19, scale = 2)
    private BigDecimal costOfGoods;

    protected PurchaseEntity() {
        // for JPA
    }
}
