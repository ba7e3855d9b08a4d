package org.moneytree.analysis.internal;

import java.lang.management.ManagementFactory;

/**
 * Whether this JVM compiles with the quick compiler (C1) alone, as {@code moneytree analyze FILE --direct} runs
 * (the launcher's {@code -XX:TieredStopAtLevel=1}). Some steps of the file scan are written two ways: C1 turns
 * {@link Long#numberOfTrailingZeros} into a call with branches (a quarter of the scan's time, measured) where a
 * multiplication does, while C2 makes it one instruction and the multiplication costs more there. The answer is
 * a constant, so either compiler keeps only the branch taken.
 */
final class JitMode {

    /** {@code true} when methods are never compiled past C1 (level 1 to 3). */
    static final boolean QUICK_ONLY = quickOnly();

    private JitMode() {
    }

    private static boolean quickOnly() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm = ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (vm == null) {
                return false;
            }
            boolean tiered = Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue());
            int stopAt = Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue());
            String mode = vm.getVMOption("CompilationMode").getValue();
            return tiered && (stopAt < 4 || "quick-only".equals(mode));
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or the options are unknown: the usual (C2) way
        }
    }

    /** The index of the lowest byte whose high bit is set, in a word whose only set bits are high bits. */
    static int lowestMarkedByte(long highBits) {
        return QUICK_ONLY ? (int) ((((highBits & -highBits) >>> 7) * 0x0001020304050607L) >>> 56)
                : Long.numberOfTrailingZeros(highBits) >>> 3;
    }
}
