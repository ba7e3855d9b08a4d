package org.moneytree.api.tier;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

import org.moneytree.api.profit.CustomerFigures;

/**
 * A period's tier assignments as columns, for a scheme that tiers many customers: one tier per customer of the
 * report, in the report's order, and each reason written only when it is read. Return it from
 * {@link TierScheme#assign} instead of a list of {@link TierAssignment} records: for a million customers those
 * records and their reasons were hundreds of megabytes held until the run was stored, and the reasons are
 * read once or twice (the per-customer CSV, the tier history). It is a read-only {@link java.util.List}: its
 * {@link #get} makes the assignment (reason included) each time it is called, so code that reads only the
 * tiers should call {@link #tier(int)}.
 *
 * <p>The reason function is called with a customer's position in the report, possibly from several threads at
 * once and more than once per customer; it must give the same text each time. A scheme that builds its reasons
 * from bytes may also give a {@link ReasonWriter}: the per-customer CSV and the tier history then take the
 * reasons' UTF-8 bytes without a {@code String} per reason ({@link #writeReason}).
 */
public final class TierColumns extends AbstractList<TierAssignment> implements RandomAccess {

    private final CustomerFigures customers;
    private final Tier[] tiers;
    private final IntFunction<String> reasons;
    private final ReasonWriter reasonWriter;

    /**
     * Writes a customer's reason as UTF-8 bytes into a caller's buffer: for a scheme whose reasons are built
     * from bytes anyway, so that readers of a million reasons (the per-customer CSV, the tier history) need no
     * {@code String} per reason, nor its encoding. The bytes must be exactly those of the reason function's text
     * in UTF-8 (the tiering service compares the two for the first and the last customer); like it, the writer
     * is called from several threads at once.
     */
    @FunctionalInterface
    public interface ReasonWriter {

        /**
         * Writes the reason of the customer at {@code index} into {@code buffer} from {@code offset}.
         *
         * @return how many bytes were written, or -1, with nothing written, when they do not fit before the end
         *         of the buffer (the caller then gives a larger one)
         */
        int write(int index, byte[] buffer, int offset);
    }

    /**
     * @param customers the report's customers ({@code scores.report().figures()})
     * @param tiers the tier of each customer, at its position in the report (copied)
     * @param reasons the reason of the customer at a position, in English; thread-safe
     */
    public TierColumns(CustomerFigures customers, Tier[] tiers, IntFunction<String> reasons) {
        this(customers, tiers, reasons, null);
    }

    /**
     * @param customers the report's customers ({@code scores.report().figures()})
     * @param tiers the tier of each customer, at its position in the report (copied)
     * @param reasons the reason of the customer at a position, in English; thread-safe
     * @param reasonWriter the same reasons as UTF-8 bytes, or {@code null} (then they are encoded from the text)
     * @since 2.3
     */
    public TierColumns(CustomerFigures customers, Tier[] tiers, IntFunction<String> reasons,
            ReasonWriter reasonWriter) {
        this.reasonWriter = reasonWriter;
        this.customers = Objects.requireNonNull(customers, "customers");
        this.tiers = tiers.clone();
        this.reasons = Objects.requireNonNull(reasons, "reasons");
        if (this.tiers.length != customers.size()) {
            throw new IllegalArgumentException(this.tiers.length + " tiers for " + customers.size() + " customers");
        }
        for (int index = 0; index < this.tiers.length; index++) {
            if (this.tiers[index] == null) {
                throw new IllegalArgumentException("customer " + customers.customerId(index) + " has no tier");
            }
        }
    }

    /**
     * The assignments as columns when they are columns over exactly these customers (the same figures), else
     * {@code null}: then they are for the same customers in the same order, and {@link #tier(int)} and
     * {@link #reason(int)} read them without making assignment records.
     */
    public static TierColumns over(java.util.List<TierAssignment> assignments, CustomerFigures customers) {
        return assignments instanceof TierColumns columns && columns.customers == customers ? columns : null;
    }

    /** The customers these assignments are for, in their order. */
    public CustomerFigures customers() {
        return customers;
    }

    /** The tier of the customer at {@code index}. */
    public Tier tier(int index) {
        return tiers[index];
    }

    /** The reason of the customer at {@code index}, written now. */
    public String reason(int index) {
        Objects.checkIndex(index, tiers.length);
        return Objects.requireNonNull(reasons.apply(index), "reason");
    }

    /**
     * Writes the reason of the customer at {@code index} as UTF-8 bytes into {@code buffer} from {@code offset}:
     * with the scheme's {@link ReasonWriter}, or encoded from {@link #reason(int)} when it gave none.
     *
     * @return how many bytes were written, or -1, with nothing written, when they do not fit before the end of
     *         the buffer
     * @throws IllegalStateException when the scheme's writer answers with a count outside the buffer
     * @since 2.3
     */
    public int writeReason(int index, byte[] buffer, int offset) {
        Objects.checkIndex(index, tiers.length);
        Objects.checkFromToIndex(offset, buffer.length, buffer.length);
        if (reasonWriter != null) {
            int written = reasonWriter.write(index, buffer, offset);
            if (written < -1 || written > buffer.length - offset) {
                throw new IllegalStateException("the reason writer answered " + written + " for a buffer of "
                        + (buffer.length - offset) + " bytes");
            }
            return written;
        }
        byte[] bytes = reason(index).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > buffer.length - offset) {
            return -1;
        }
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    @Override
    public TierAssignment get(int index) {
        return new TierAssignment(customers.customerId(index), tier(index), reason(index));
    }

    @Override
    public int size() {
        return tiers.length;
    }
}
