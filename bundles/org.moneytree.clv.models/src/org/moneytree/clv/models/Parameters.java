package org.moneytree.clv.models;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/** Small numerical helpers shared by the models. */
final class Parameters {

    /** Below this many histories a likelihood is summed on the calling thread: forking costs more. */
    private static final int PARALLEL_THRESHOLD = 20_000;

    interface RangeSum {
        double sum(int from, int to);
    }

    private Parameters() {
    }

    static void requirePositive(String[] names, double... values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(names[i] + " must be positive and finite: " + values[i]);
            }
        }
    }

    /** ln(e^u + e^v) without overflow or underflow. */
    static double logAddExp(double u, double v) {
        if (u == Double.NEGATIVE_INFINITY) {
            return v;
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return u;
        }
        return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
    }

    /**
     * Sums a range in fixed chunks on the common fork-join pool. The chunks and the order of their addition do
     * not depend on the number of threads, so a likelihood is the same to the last bit on any machine.
     */
    static double parallelSum(int size, RangeSum body) {
        if (size < PARALLEL_THRESHOLD) {
            return body.sum(0, size);
        }
        return ForkJoinPool.commonPool().invoke(new Chunk(body, 0, size));
    }

    private static final class Chunk extends RecursiveTask<Double> {
        private static final long serialVersionUID = 1L;
        private final transient RangeSum body;
        private final int from;
        private final int to;

        Chunk(RangeSum body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        @Override
        protected Double compute() {
            if (to - from <= PARALLEL_THRESHOLD / 2) {
                return body.sum(from, to);
            }
            int middle = (from + to) >>> 1;
            Chunk left = new Chunk(body, from, middle);
            left.fork();
            double right = new Chunk(body, middle, to).compute();
            return left.join() + right;
        }
    }
}
