package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.moneytree.api.tier.Tier;

/**
 * A block of a tier run's customers, consecutive in customer id order, as one binary value (see
 * {@code V7__tier_blocks.sql}): column after column, the ids, tiers, scores, revenue and net profit in cents,
 * and the reasons. A run of a million customers is a few hundred such values instead of a million rows, which
 * H2 wrote at about 5 CPU seconds per million.
 *
 * <p>Layout, big-endian: a format byte (1); the number of customers; the tier ids used, as a count and
 * strings; per customer its id; per customer the index of its tier; per customer the score (a double); per
 * customer revenue and net profit in cents (longs); per customer the reason. Strings are a length (variable
 * length integer) and UTF-8 bytes.
 */
final class TierBlock {

    private static final byte FORMAT = 1;

    /** Customers per block: about half a megabyte with reasons of a hundred characters. */
    static final int CUSTOMERS = 4096;

    final String[] customerIds;
    final Tier[] tiers;
    final double[] scores;
    final long[] revenueCents;
    final long[] netProfitCents;
    final String[] reasons;

    TierBlock(int size) {
        customerIds = new String[size];
        tiers = new Tier[size];
        scores = new double[size];
        revenueCents = new long[size];
        netProfitCents = new long[size];
        reasons = new String[size];
    }

    int size() {
        return customerIds.length;
    }

    BigDecimal revenue(int index) {
        return BigDecimal.valueOf(revenueCents[index], 2);
    }

    BigDecimal netProfit(int index) {
        return BigDecimal.valueOf(netProfitCents[index], 2);
    }

    /** Encodes the block. */
    byte[] encode(Bytes out) {
        out.reset();
        out.write(FORMAT);
        out.writeInt(size());
        Tier[] all = Tier.values();
        out.writeVarint(all.length);
        for (Tier tier : all) {
            out.writeString(tier.id());
        }
        for (String id : customerIds) {
            out.writeString(id);
        }
        for (Tier tier : tiers) {
            out.write((byte) tier.ordinal());
        }
        for (double score : scores) {
            out.writeLong(Double.doubleToRawLongBits(score));
        }
        for (long cents : revenueCents) {
            out.writeLong(cents);
        }
        for (long cents : netProfitCents) {
            out.writeLong(cents);
        }
        for (String reason : reasons) {
            out.writeString(reason);
        }
        return out.toByteArray();
    }

    /** Decodes a block. */
    static TierBlock decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalStateException("a tier block has format " + format + ", which this version cannot read");
        }
        int size = in.getInt();
        Tier[] dictionary = new Tier[readVarint(in)];
        for (int index = 0; index < dictionary.length; index++) {
            dictionary[index] = Tier.forId(readString(in));
        }
        TierBlock block = new TierBlock(size);
        for (int index = 0; index < size; index++) {
            block.customerIds[index] = readString(in);
        }
        for (int index = 0; index < size; index++) {
            block.tiers[index] = dictionary[in.get()];
        }
        for (int index = 0; index < size; index++) {
            block.scores[index] = Double.longBitsToDouble(in.getLong());
        }
        for (int index = 0; index < size; index++) {
            block.revenueCents[index] = in.getLong();
        }
        for (int index = 0; index < size; index++) {
            block.netProfitCents[index] = in.getLong();
        }
        for (int index = 0; index < size; index++) {
            block.reasons[index] = readString(in);
        }
        return block;
    }

    /**
     * One customer's entry of an encoded block, or {@code null} when the block does not have it: only the ids
     * are decoded to find it, then its own values (a customer's history reads one entry of a block).
     */
    static TierBlock find(byte[] data, String customerId) {
        ByteBuffer in = ByteBuffer.wrap(data);
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalStateException("a tier block has format " + format + ", which this version cannot read");
        }
        int size = in.getInt();
        Tier[] dictionary = new Tier[readVarint(in)];
        for (int index = 0; index < dictionary.length; index++) {
            dictionary[index] = Tier.forId(readString(in));
        }
        String[] ids = new String[size];
        for (int index = 0; index < size; index++) {
            ids[index] = readString(in);
        }
        int found = Arrays.binarySearch(ids, customerId);
        if (found < 0) {
            return null;
        }
        int tiers = in.position();
        int scores = tiers + size;
        int revenue = scores + 8 * size;
        int profit = revenue + 8 * size;
        TierBlock entry = new TierBlock(1);
        entry.customerIds[0] = ids[found];
        entry.tiers[0] = dictionary[data[tiers + found]];
        entry.scores[0] = Double.longBitsToDouble(in.getLong(scores + 8 * found));
        entry.revenueCents[0] = in.getLong(revenue + 8 * found);
        entry.netProfitCents[0] = in.getLong(profit + 8 * found);
        in.position(profit + 8 * size);
        for (int index = 0; index < found; index++) {
            int length = readVarint(in);
            in.position(in.position() + length);
        }
        entry.reasons[0] = readString(in);
        return entry;
    }

    private static int readVarint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0;; shift += 7) {
            byte next = in.get();
            value |= (next & 0x7F) << shift;
            if (next >= 0) {
                return value;
            }
        }
    }

    private static String readString(ByteBuffer in) {
        int length = readVarint(in);
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    /** A growable byte buffer, reused from block to block. */
    static final class Bytes {

        private byte[] data = new byte[1 << 20];
        private int length;

        void reset() {
            length = 0;
        }

        private void room(int bytes) {
            if (length + bytes > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + bytes));
            }
        }

        void write(byte value) {
            room(1);
            data[length++] = value;
        }

        void writeInt(int value) {
            room(4);
            data[length++] = (byte) (value >>> 24);
            data[length++] = (byte) (value >>> 16);
            data[length++] = (byte) (value >>> 8);
            data[length++] = (byte) value;
        }

        void writeLong(long value) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                data[length++] = (byte) (value >>> shift);
            }
        }

        void writeVarint(int value) {
            room(5);
            while ((value & ~0x7F) != 0) {
                data[length++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            data[length++] = (byte) value;
        }

        void writeString(String value) {
            // one bulk encoding per string: a loop over its characters was the store's largest cost
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeVarint(bytes.length);
            room(bytes.length);
            System.arraycopy(bytes, 0, data, length, bytes.length);
            length += bytes.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(data, length);
        }
    }
}
