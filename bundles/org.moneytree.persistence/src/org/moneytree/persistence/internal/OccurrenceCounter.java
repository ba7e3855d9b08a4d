package org.moneytree.persistence.internal;

import java.util.Arrays;

/**
 * Counts how often each 64-bit key has been seen, in two primitive arrays (open addressing, linear
 * probing): about 24 bytes per distinct key at most, against some 100 for a {@code HashMap<String,
 * Integer>}. A load of ten million purchase lines numbers its equal lines with it; H2 ran out of memory
 * doing the same numbering with {@code ROW_NUMBER()} over a ten-million-row staging table.
 */
final class OccurrenceCounter {

    private static final long EMPTY = 0L;

    private long[] keys = new long[1 << 16];
    private int[] counts = new int[1 << 16];
    private int size;
    private boolean zeroSeen;
    private int zeroCount;

    /** Records one more occurrence of {@code key} and returns how many there have been, from 1. */
    int increment(long key) {
        if (key == EMPTY) {
            zeroSeen = true;
            return ++zeroCount;
        }
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return ++counts[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        counts[slot] = 1;
        if (++size > keys.length * 0.6) {
            grow();
        }
        return 1;
    }

    /** The number of distinct keys seen. */
    int distinct() {
        return size + (zeroSeen ? 1 : 0);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = (int) mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
        Arrays.fill(oldKeys, 0);
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
