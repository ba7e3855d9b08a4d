package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.moneytree.api.archive.ServiceActivity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stored service activity. */
@Entity
@Table(name = "MT_ACTIVITY")
public class ActivityEntity extends ArchiveEntity<ServiceActivity> {

    @Column(name = "ACTIVITY_DATE", nullable = false)
    private LocalDate date;

    @Column(name = "ACTIVITY_TYPE", length = 50, nullable = false)
    private String type;

    @Column(name = "QUANTITY", precision = 19, scale = 4, nullable = false)
    private BigDecimal quantity;

    @Column(name = "ACTIVITY_ID", length = 100)
    private String activityId;

    @Column(name = "NOTE", length = 1000)
    private String note;

    @Override
    ServiceActivity toRecord() {
        return new ServiceActivity(customerId(), date, type, quantity.stripTrailingZeros(), activityId, note);
    }

    @Override
    void apply(ServiceActivity activity) {
        customerId(activity.customerId());
        date = activity.date();
        type = activity.type();
        quantity = activity.quantity().setScale(4, RoundingMode.HALF_EVEN);
        activityId = activity.activityId();
        note = activity.note();
    }
}
