package org.moneytree.analysis.internal;

/**
 * A set of {@code long} values without boxing: open addressing with linear probing. {@link Long#MIN_VALUE}
 * marks an empty place, so it cannot be a member. Not thread-safe.
 */
final class LongHashSet {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] places;
    private int size;

    LongHashSet() {
        this(16);
    }

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        places = new long[capacity];
        java.util.Arrays.fill(places, EMPTY);
    }

    /** Adds {@code value}; {@code true} when it was not there before. */
    boolean add(long value) {
        if (value == EMPTY) {
            throw new IllegalArgumentException("Long.MIN_VALUE cannot be stored");
        }
        int mask = places.length - 1;
        int at = spread(value) & mask;
        while (places[at] != EMPTY) {
            if (places[at] == value) {
                return false;
            }
            at = (at + 1) & mask;
        }
        places[at] = value;
        if (++size * 4 > places.length * 3) {
            grow();
        }
        return true;
    }

    boolean contains(long value) {
        if (size == 0) {
            return false;
        }
        int mask = places.length - 1;
        int at = spread(value) & mask;
        while (places[at] != EMPTY) {
            if (places[at] == value) {
                return true;
            }
            at = (at + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    /** Calls {@code action} with every member, in no particular order. */
    void forEach(java.util.function.LongConsumer action) {
        for (long value : places) {
            if (value != EMPTY) {
                action.accept(value);
            }
        }
    }

    private void grow() {
        long[] old = places;
        places = new long[old.length * 2];
        java.util.Arrays.fill(places, EMPTY);
        int mask = places.length - 1;
        for (long value : old) {
            if (value != EMPTY) {
                int at = spread(value) & mask;
                while (places[at] != EMPTY) {
                    at = (at + 1) & mask;
                }
                places[at] = value;
            }
        }
    }

    private static int spread(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
