package org.moneytree.api.report;

/**
 * What a value in a {@link ViewModel} is, so that every front end formats, aligns and sorts it alike. Values
 * are {@link String}s, {@link Long}s (counts), {@link java.math.BigDecimal}s (money, to the cent) or
 * {@link Double}s (shares, scores), or {@code null} for none.
 */
public enum ValueType {
    /** Text. */
    TEXT,
    /** A count of something: a {@link Long}. */
    COUNT,
    /** An amount of money in the dataset's currency: a {@link java.math.BigDecimal}. */
    MONEY,
    /** A share: a {@link Double}, 0.25 for 25%. */
    SHARE,
    /** A plain number: a {@link Double}. */
    NUMBER,
    /** A key-account score from 0 to 100: a {@link Double}. */
    SCORE,
    /** A tier id ({@code platinum}...), shown by its name in the reader's language: a {@link String}. */
    TIER,
    /** A customer id, shown as a link to the customer's account profile: a {@link String}. */
    CUSTOMER,
    /** A period id ({@code 2024-Q3}): a {@link String}. */
    PERIOD,
    /** A day ({@code 2024-07-31}): a {@link String}. */
    DATE
}
