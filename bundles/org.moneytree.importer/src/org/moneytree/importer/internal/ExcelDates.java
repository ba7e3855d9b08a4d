package org.moneytree.importer.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** Excel's date serial numbers as calendar dates. */
final class ExcelDates {

    /**
     * Serial 1 is 1900-01-01 in the 1900 date system, but Excel counts a 29 February 1900 that never was
     * (serial 60, kept from Lotus 1-2-3), so from serial 61 on the days are counted from 1899-12-30.
     */
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1900_BEFORE_MARCH = LocalDate.of(1899, 12, 31);
    /** Workbooks made on old Macs count from 1904-01-01 (serial 0); the workbook says which system it uses. */
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private ExcelDates() {
    }

    /**
     * The date part of a serial date-time as yyyy-MM-dd. The fraction is the time of day; it is rounded to the
     * second first, so that 23:59:59.9999 stored as a binary fraction does not fall on the day before the
     * date the user sees.
     */
    static String isoDate(BigDecimal serial, boolean date1904) {
        BigDecimal seconds = serial.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP);
        long days = Math.floorDiv(seconds.longValueExact(), 86_400L);
        LocalDate date;
        if (date1904) {
            date = EPOCH_1904.plusDays(days);
        } else if (days < 61) {
            date = EPOCH_1900_BEFORE_MARCH.plusDays(days);
        } else {
            date = EPOCH_1900.plusDays(days);
        }
        return date.toString();
    }
}
