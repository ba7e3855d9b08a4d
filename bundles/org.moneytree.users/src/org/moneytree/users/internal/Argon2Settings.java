package org.moneytree.users.internal;

/**
 * Argon2id's cost parameters (RFC 9106, section 3.1).
 *
 * @param memoryKiB memory in KiB, at least 8 per lane
 * @param iterations passes over the memory, at least 1
 * @param parallelism lanes, 1 to 64 here (Argon2 allows more; no machine this runs on has the cores)
 */
record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

    /** Upper bounds for what a stored hash may ask for, so that a damaged row cannot take the heap. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 1000;
    static final int MAX_PARALLELISM = 64;

    Argon2Settings {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM + ", not " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memoryKiB must be at least 8 per lane (" + 8 * parallelism
                    + ") and at most " + MAX_MEMORY_KIB + ", not " + memoryKiB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1 to " + MAX_ITERATIONS + ", not " + iterations);
        }
    }
}
