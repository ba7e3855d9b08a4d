package org.moneytree.clv.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Every customer's calibration summary, in columns sorted by customer id, as stored with a fit. For purchases:
 * repeat purchases (frequency), days from the first to the last repeat purchase (recency) and to the end of
 * calibration (age), the value of the repeat purchases, the purchases in the holdout and, for the tracking plot,
 * the repeat purchases of all customers per time unit. For contracts, frequency counts completed contract periods,
 * {@code churned} says whether the customer cancelled, and value is the value of all contracts. Revenue and net
 * profit (cost to serve included) over the years calibration touches give each customer's net margin share.
 */
final class CalibrationData {

    private static final int FORMAT = 1;

    enum Kind {
        PURCHASES, CONTRACTS
    }

    final Kind kind;
    final int calibrationStartDay;
    final int calibrationEndDay;
    /** -1 without a holdout. */
    final int holdoutEndDay;
    final String[] ids;
    final int[] frequency;
    final int[] recencyDays;
    final int[] ageDays;
    final boolean[] churned;
    final long[] valueCents;
    /** -1 each without a holdout. */
    final int[] holdoutPurchases;
    final long[] revenueCents;
    final long[] netProfitCents;
    /** Repeat purchases per time unit from the calibration start, through the holdout; empty for contracts. */
    final long[] repeatsPerUnit;

    CalibrationData(Kind kind, int calibrationStartDay, int calibrationEndDay, int holdoutEndDay, String[] ids,
            int[] frequency, int[] recencyDays, int[] ageDays, boolean[] churned, long[] valueCents,
            int[] holdoutPurchases, long[] revenueCents, long[] netProfitCents, long[] repeatsPerUnit) {
        this.kind = kind;
        this.calibrationStartDay = calibrationStartDay;
        this.calibrationEndDay = calibrationEndDay;
        this.holdoutEndDay = holdoutEndDay;
        this.ids = ids;
        this.frequency = frequency;
        this.recencyDays = recencyDays;
        this.ageDays = ageDays;
        this.churned = churned;
        this.valueCents = valueCents;
        this.holdoutPurchases = holdoutPurchases;
        this.revenueCents = revenueCents;
        this.netProfitCents = netProfitCents;
        this.repeatsPerUnit = repeatsPerUnit;
    }

    int size() {
        return ids.length;
    }

    int indexOf(String customerId) {
        int index = Arrays.binarySearch(ids, customerId);
        return index >= 0 ? index : -1;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, ids.length * 12));
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes,
                new Deflater(Deflater.BEST_SPEED), 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeInt(kind.ordinal());
            out.writeInt(calibrationStartDay);
            out.writeInt(calibrationEndDay);
            out.writeInt(holdoutEndDay);
            out.writeInt(ids.length);
            for (int i = 0; i < ids.length; i++) {
                out.writeUTF(ids[i]);
                out.writeInt(frequency[i]);
                out.writeInt(recencyDays[i]);
                out.writeInt(ageDays[i]);
                out.writeBoolean(churned[i]);
                out.writeLong(valueCents[i]);
                out.writeInt(holdoutPurchases[i]);
                out.writeLong(revenueCents[i]);
                out.writeLong(netProfitCents[i]);
            }
            out.writeInt(repeatsPerUnit.length);
            for (long repeats : repeatsPerUnit) {
                out.writeLong(repeats);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CalibrationData decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded),
                new java.util.zip.Inflater(), 1 << 16))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("the stored calibration data has format " + format + ", this version"
                        + " reads " + FORMAT + ": fit the dataset again");
            }
            Kind kind = Kind.values()[in.readInt()];
            int start = in.readInt();
            int end = in.readInt();
            int holdoutEnd = in.readInt();
            int n = in.readInt();
            String[] ids = new String[n];
            int[] frequency = new int[n];
            int[] recency = new int[n];
            int[] age = new int[n];
            boolean[] churned = new boolean[n];
            long[] value = new long[n];
            int[] holdout = new int[n];
            long[] revenue = new long[n];
            long[] profit = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                frequency[i] = in.readInt();
                recency[i] = in.readInt();
                age[i] = in.readInt();
                churned[i] = in.readBoolean();
                value[i] = in.readLong();
                holdout[i] = in.readInt();
                revenue[i] = in.readLong();
                profit[i] = in.readLong();
            }
            long[] repeats = new long[in.readInt()];
            for (int i = 0; i < repeats.length; i++) {
                repeats[i] = in.readLong();
            }
            return new CalibrationData(kind, start, end, holdoutEnd, ids, frequency, recency, age, churned, value,
                    holdout, revenue, profit, repeats);
        } catch (IOException e) {
            throw new IllegalStateException("the stored calibration data cannot be read: " + e.getMessage(), e);
        }
    }
}
