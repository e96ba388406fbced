package io.outagewatch.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until the JIT compiler has been idle for a while, as the JVM's compilation time reports it.
 * Each in-process run deploys a new job, and the JIT compiles what deployment ran (the scheduler,
 * the RPC system, the job graph's deserialisation) for a few seconds after it: inside a run's timed
 * interval that is CPU a long-running job spends once, at its start, taken from the job on two
 * cores.
 */
final class CompilerQuiet {

    /** How often the compilation time is read. */
    static final Duration POLL = Duration.ofMillis(50);

    private CompilerQuiet() {}

    /** What a wait came to. */
    record Wait(Duration waited, boolean quiet) {}

    /**
     * Returns once the compilation time has not grown for {@code quietFor}, or after {@code atMost}
     * (then {@code quiet} is false); at once where the JVM does not report compilation time.
     */
    static Wait await(Duration quietFor, Duration atMost) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return new Wait(Duration.ZERO, false);
        }
        long deadline = start + atMost.toNanos();
        long lastTime = compiler.getTotalCompilationTime();
        long quietSince = start;
        while (true) {
            long now = System.nanoTime();
            if (now - quietSince >= quietFor.toNanos()) {
                return new Wait(Duration.ofNanos(now - start), true);
            }
            if (now >= deadline) {
                return new Wait(Duration.ofNanos(now - start), false);
            }
            LockSupport.parkNanos(Math.min(POLL.toNanos(), deadline - now));
            long time = compiler.getTotalCompilationTime();
            if (time != lastTime) {
                lastTime = time;
                quietSince = System.nanoTime();
            }
        }
    }
}
