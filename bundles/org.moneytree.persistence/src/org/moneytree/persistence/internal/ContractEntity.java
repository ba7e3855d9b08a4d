package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.moneytree.api.archive.Contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stored contract. */
@Entity
@Table(name = "MT_CONTRACT")
public class ContractEntity extends ArchiveEntity<Contract> {

    @Column(name = "CONTRACT_ID", length = 100, nullable = false)
    private String contractId;

    @Column(name = "TITLE", length = 200)
    private String title;

    @Column(name = "START_DATE", nullable = false)
    private LocalDate startDate;

    @Column(name = "END_DATE")
    private LocalDate endDate;

    @Column(name = "CONTRACT_VALUE", precision = 19, scale = 2, nullable = false)
    private BigDecimal contractValue;

    @Override
    Contract toRecord() {
        return new Contract(contractId, customerId(), title, startDate, endDate, contractValue);
    }

    @Override
    void apply(Contract contract) {
        customerId(contract.customerId());
        contractId = contract.contractId();
        title = contract.title();
        startDate = contract.start();
        endDate = contract.end();
        contractValue = contract.value().setScale(2, RoundingMode.HALF_EVEN);
    }
}
