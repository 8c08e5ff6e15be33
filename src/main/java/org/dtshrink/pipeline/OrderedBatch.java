package org.dtshrink.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dtshrink.tree.DtException;

/**
 * Runs independent jobs on a few threads and hands their results over in the order of the jobs, so that what a batch
 * prints does not depend on the number of threads or on which job finished first.
 */
public final class OrderedBatch {

    /** The stack of a worker: as deep as the launcher's main thread (-Xss16m), for deeply nested sources. */
    private static final long WORKER_STACK_BYTES = 16L << 20;

    private OrderedBatch() {
    }

    /** Each job's result to {@code inOrder}, in job order, as soon as it and every job before it are done. */
    public static <J, R> void run(List<J> jobs, int threads, Function<J, R> work, Consumer<R> inOrder) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(null, r, "dtshrink-batch", WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> results = new ArrayList<>(jobs.size());
            for (J job : jobs) {
                results.add(pool.submit(() -> work.apply(job)));
            }
            for (Future<R> f : results) {
                inOrder.accept(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DtException("dtshrink: interrupted");
        } catch (ExecutionException e) {
            // a job's own failures are its result; what escapes is a bug, reported as one
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
