package org.moneytree.api.profit;

/**
 * A point of a concentration curve: the best {@code customers} customers (a {@code customerShare} of all)
 * make {@code valueShare} of the total. Shares are fractions; a whale curve's value share rises above 1 where
 * the best customers make more than the total profit.
 *
 * @param customers the number of customers counted, from the best
 * @param customerShare {@code customers} as a fraction of all customers
 * @param valueShare their cumulative revenue or profit as a fraction of the total
 */
public record CurvePoint(int customers, double customerShare, double valueShare) {
}
