package io.outagewatch.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until this JVM has all but stopped using the CPU: after a run its JIT compiler, its
 * collector and the closing of the run's job and broker go on for seconds, and a floor measured in
 * a fresh JVM meanwhile shares the two cores with them (measured: 360,000–370,000 events/s against
 * 460,000–480,000 alone).
 */
final class ProcessQuiet {

    private ProcessQuiet() {}

    /** What a wait came to: how long, and whether the JVM went quiet in that time. */
    record Wait(Duration waited, boolean quiet) {}

    /** This JVM's CPU time so far, in nanoseconds; -1 where the JVM does not say. */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Returns once this JVM has used less than {@code shareOfOneCore} of one core over the last
     * {@code window}, or after {@code atMost} (then {@code quiet} is false); at once where the JVM
     * does not report its CPU time.
     */
    static Wait await(Duration window, double shareOfOneCore, Duration atMost) {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        long windowStart = start;
        long cpuAtWindowStart = cpuNanos();
        if (cpuAtWindowStart < 0) {
            return new Wait(Duration.ZERO, false);
        }
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return new Wait(Duration.ofNanos(now - start), false);
            }
            LockSupport.parkNanos(Math.min(window.toNanos(), deadline - now));
            now = System.nanoTime();
            long cpu = cpuNanos();
            if (now - windowStart >= window.toNanos()
                    && cpu - cpuAtWindowStart < shareOfOneCore * (now - windowStart)) {
                return new Wait(Duration.ofNanos(now - start), true);
            }
            windowStart = now;
            cpuAtWindowStart = cpu;
        }
    }
}
