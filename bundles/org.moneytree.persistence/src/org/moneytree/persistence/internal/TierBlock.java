package org.moneytree.persistence.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierColumns;

/**
 * A block of a tier run's customers, consecutive in customer id order, as one binary value (see
 * {@code V7__tier_blocks.sql}): column after column, the ids, tiers, scores, revenue and net profit in cents,
 * and the reasons. A run of a million customers is a few hundred such values instead of a million rows, which
 * H2 wrote at about 5 CPU seconds per million.
 *
 * <p>Layout, big-endian: a format byte (2); the number of customers; the tier ids used, as a count and
 * strings; per customer its id; per customer the index of its tier; per customer the score (a double); per
 * customer revenue and net profit in cents (longs); per customer the reason. The tier ids are a length
 * (variable length integer) and UTF-8 bytes. Ids and reasons are written against an earlier string: the id
 * against the id before it, the reason against the last reason of the same tier, as three variable length
 * integers, how many bytes the two share at the start and at the end and how many lie between, then those
 * bytes. Reasons of one tier mostly differ in their numbers ("gold: next 15% by key-account score, rank ...")
 * and ids in their last characters: the database of the 10-million-line benchmark (two runs, 1.85 million
 * customers) is 141 MB instead of 247 MB, and every byte left out is one H2 need not copy, write and read back.
 *
 * <p>Format 1 (until November 2026) kept every id and reason whole; it is still read.
 */
final class TierBlock {

    private static final byte FORMAT = 2;
    /** Ids and reasons whole, as written until November 2026. */
    private static final byte WHOLE_STRINGS = 1;
    private static final byte[] NOTHING = {};

    /** Customers per block: about half a megabyte with reasons of a hundred characters. */
    static final int CUSTOMERS = 4096;

    final String[] customerIds;
    final Tier[] tiers;
    final double[] scores;
    final long[] revenueCents;
    final long[] netProfitCents;
    /** The reasons of a block read back; a block being written takes them as bytes ({@link ReasonBytes}). */
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

    /** Encodes the block, with its reasons as {@code reasons} holds them (one per customer, in order). */
    byte[] encode(Bytes out, ReasonBytes reasons) {
        if (reasons.count != size()) {
            throw new IllegalStateException(reasons.count + " reasons for " + size() + " customers");
        }
        out.reset();
        out.write(FORMAT);
        out.writeInt(size());
        Tier[] all = Tier.values();
        out.writeVarint(all.length);
        for (Tier tier : all) {
            out.writeString(tier.id());
        }
        byte[] previousId = NOTHING;
        for (String id : customerIds) {
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            out.writeShared(bytes, previousId);
            previousId = bytes;
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
        int[] previousFrom = new int[all.length];
        int[] previousTo = new int[all.length];
        for (int index = 0; index < reasons.count; index++) {
            int from = reasons.from(index);
            int to = reasons.ends[index];
            int tier = tiers[index].ordinal();
            out.writeShared(reasons.data, from, to, reasons.data, previousFrom[tier], previousTo[tier]);
            previousFrom[tier] = from;
            previousTo[tier] = to;
        }
        return out.toByteArray();
    }

    /** Decodes a block. */
    static TierBlock decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        boolean shared = format(in);
        int size = in.getInt();
        Tier[] dictionary = dictionary(in);
        TierBlock block = new TierBlock(size);
        Strings ids = new Strings(shared, 1);
        for (int index = 0; index < size; index++) {
            block.customerIds[index] = ids.next(in, 0);
        }
        byte[] tierIndex = new byte[size];
        in.get(tierIndex);
        for (int index = 0; index < size; index++) {
            block.tiers[index] = dictionary[tierIndex[index]];
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
        Strings reasons = new Strings(shared, dictionary.length);
        for (int index = 0; index < size; index++) {
            block.reasons[index] = reasons.next(in, tierIndex[index]);
        }
        return block;
    }

    /** Reads the format byte: {@code true} for strings written against earlier ones, {@code false} for whole. */
    private static boolean format(ByteBuffer in) {
        byte format = in.get();
        if (format != FORMAT && format != WHOLE_STRINGS) {
            throw new IllegalStateException("a tier block has format " + format + ", which this version cannot read");
        }
        return format == FORMAT;
    }

    private static Tier[] dictionary(ByteBuffer in) {
        Tier[] dictionary = new Tier[readVarint(in)];
        for (int index = 0; index < dictionary.length; index++) {
            dictionary[index] = Tier.forId(readString(in));
        }
        return dictionary;
    }

    /**
     * One customer's entry of an encoded block, or {@code null} when the block does not have it: only the ids
     * are decoded to find it, then its own values (a customer's history reads one entry of a block).
     */
    static TierBlock find(byte[] data, String customerId) {
        ByteBuffer in = ByteBuffer.wrap(data);
        boolean shared = format(in);
        int size = in.getInt();
        Tier[] dictionary = dictionary(in);
        String[] ids = new String[size];
        Strings idStrings = new Strings(shared, 1);
        for (int index = 0; index < size; index++) {
            ids[index] = idStrings.next(in, 0);
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
        Strings reasons = new Strings(shared, dictionary.length);
        for (int index = 0; index < found; index++) {
            reasons.skip(in, data[tiers + index]);
        }
        entry.reasons[0] = reasons.next(in, data[tiers + found]);
        return entry;
    }

    /**
     * Reads a column of strings, each whole (format 1) or written against the last one of its group (the id
     * before it; the last reason of the same tier).
     */
    private static final class Strings {

        private final boolean shared;
        private final byte[][] last;

        Strings(boolean shared, int groups) {
            this.shared = shared;
            this.last = new byte[groups][];
            Arrays.fill(last, NOTHING);
        }

        String next(ByteBuffer in, int group) {
            if (!shared) {
                return readString(in);
            }
            byte[] bytes = bytes(in, group);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skip(ByteBuffer in, int group) {
            if (shared) {
                bytes(in, group);
            } else {
                int length = readVarint(in);
                in.position(in.position() + length);
            }
        }

        /** The string's bytes: the start and the end it shares with the group's last string, and its own. */
        private byte[] bytes(ByteBuffer in, int group) {
            byte[] earlier = last[group];
            int start = readVarint(in);
            int end = readVarint(in);
            int own = readVarint(in);
            if (start + end > earlier.length) {
                throw new IllegalStateException("a tier block shares " + (start + end) + " bytes with a string of "
                        + earlier.length);
            }
            byte[] bytes = new byte[start + own + end];
            System.arraycopy(earlier, 0, bytes, 0, start);
            in.get(bytes, start, own);
            System.arraycopy(earlier, earlier.length - end, bytes, start + own, end);
            last[group] = bytes;
            return bytes;
        }
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

    /**
     * The reasons of a block being written, as UTF-8 bytes one after the other, in a buffer reused from block to
     * block: a tier scheme's columns write them straight in ({@link TierColumns#writeReason}), no String per
     * reason.
     */
    static final class ReasonBytes {

        private byte[] data = new byte[1 << 20];
        private int[] ends = new int[CUSTOMERS];
        private int count;

        /** Starts a block's reasons. */
        void clear() {
            count = 0;
        }

        private int from(int index) {
            return index == 0 ? 0 : ends[index - 1];
        }

        /** The byte length of the last reason added. */
        int lastLength() {
            return ends[count - 1] - from(count - 1);
        }

        /** Adds a reason's bytes. */
        void add(byte[] reason) {
            int from = from(count);
            room(from + reason.length);
            System.arraycopy(reason, 0, data, from, reason.length);
            ended(from + reason.length);
        }

        /** Adds the reason of the customer at {@code index} of the columns, as they write it. */
        void add(TierColumns columns, int index) {
            int from = from(count);
            int written;
            while ((written = columns.writeReason(index, data, from)) < 0) {
                room(data.length + 1);
            }
            ended(from + written);
        }

        /** Takes the last reason back (to add it again, cut). */
        void removeLast() {
            count--;
        }

        private void ended(int end) {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = end;
        }

        private void room(int size) {
            if (size > data.length) {
                data = Arrays.copyOf(data, Math.max(size, data.length * 2));
            }
        }
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

        /**
         * Writes {@code bytes} against {@code earlier}: the lengths of their common start and end (not
         * overlapping), then the bytes between.
         */
        void writeShared(byte[] bytes, byte[] earlier) {
            writeShared(bytes, 0, bytes.length, earlier, 0, earlier.length);
        }

        /** {@link #writeShared(byte[], byte[])} for {@code bytes[from, to)} against {@code earlier[earlierFrom, earlierTo)}. */
        void writeShared(byte[] bytes, int from, int to, byte[] earlier, int earlierFrom, int earlierTo) {
            int size = to - from;
            int earlierSize = earlierTo - earlierFrom;
            int start = Arrays.mismatch(bytes, from, to, earlier, earlierFrom, earlierTo);
            if (start < 0) {
                start = size;
            }
            int most = Math.min(size, earlierSize) - start;
            int end = 0;
            while (end < most && bytes[to - 1 - end] == earlier[earlierTo - 1 - end]) {
                end++;
            }
            int own = size - start - end;
            writeVarint(start);
            writeVarint(end);
            writeVarint(own);
            room(own);
            System.arraycopy(bytes, from + start, data, length, own);
            length += own;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(data, length);
        }
    }
}
